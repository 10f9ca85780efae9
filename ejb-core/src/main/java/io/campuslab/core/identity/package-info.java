/**
 * Signing in: members are created or refreshed just in time from the verified token, and every
 * service finds the calling member here.
 */
package io.campuslab.core.identity;
