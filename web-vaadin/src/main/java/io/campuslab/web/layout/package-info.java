/** The portal's frame: the app layout with navigation per role, and the error pages and handler. */
package io.campuslab.web.layout;
