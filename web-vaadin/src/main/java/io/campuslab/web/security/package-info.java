/**
 * Who is signed in: the identity read from the verified OIDC token, the member it becomes on the
 * first request, access control of routes, and logout from the portal and Keycloak together.
 */
package io.campuslab.web.security;
