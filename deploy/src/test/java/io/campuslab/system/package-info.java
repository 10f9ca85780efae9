/**
 * System tests: the real EAR on the WildFly {@link io.campuslab.system.StackExtension} starts once per
 * run, a real MariaDB, a real Keycloak with the demo realm and the dev-cluster on the real Kubernetes
 * API server; browser tests drive headless Chromium through Keycloak's login. The test classes live
 * in a package per feature ({@code io.campuslab.system.lab}, {@code .classroom}, …), as the services
 * do; this package holds what they share.
 */
package io.campuslab.system;
