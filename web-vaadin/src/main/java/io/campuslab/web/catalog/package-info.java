/** The lab catalog on screen: cards of what the school offers, and the school admin's switches. */
package io.campuslab.web.catalog;
