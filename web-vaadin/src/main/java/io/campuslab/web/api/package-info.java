/**
 * The REST API {@code /api/v1}: bearer tokens from Keycloak, the same services as the UI, errors
 * as {@code application/problem+json} in the caller's language.
 */
package io.campuslab.web.api;
