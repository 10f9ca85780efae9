/**
 * The local stack behind {@code ./campuslab run} and the system tests: an embedded MariaDB, a
 * Keycloak server with the demo realm, the dev-cluster and WildFly with the EAR, started in order
 * and each waited for until healthy. Every part can be replaced by a real one (see {@link StackSettings}).
 */
package io.campuslab.devstack;
