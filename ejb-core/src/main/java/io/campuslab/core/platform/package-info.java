/**
 * What every feature stands on: the database schema at start-up, the clock, typed settings, the
 * caller's membership, and the application exceptions that carry a message key.
 */
package io.campuslab.core.platform;
