/** The portal's web layer: Vaadin views per role, the REST API, and the sign-in glue to OIDC. */
package io.campuslab.web;
