/**
 * The Keycloak adapter of {@link io.campuslab.core.identity.IdentityDirectory}: Keycloak's admin
 * REST API, called with a token of the portal client's service account.
 */
package io.campuslab.core.identity.keycloak;
