/** The school admin's screen of allowances: what students and teachers may ask for, and overrides per member. */
package io.campuslab.web.quota;
