/** The platform admin's screen of platform settings. */
package io.campuslab.web.platform;
