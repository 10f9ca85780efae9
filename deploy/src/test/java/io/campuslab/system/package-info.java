/**
 * System tests: the real EAR on a managed WildFly (Arquillian), a real MariaDB, a real Keycloak with
 * the demo realm and the dev-cluster; browser tests drive headless Chromium through Keycloak's login.
 */
package io.campuslab.system;
