/** The lab catalog as schools see and keep it: what is offered, toggles, a school's own templates. */
package io.campuslab.core.catalog;
