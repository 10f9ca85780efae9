/** Every text the portal shows, in English and Simplified Chinese, from the bundles in {@code i18n/}. */
package io.campuslab.web.i18n;
