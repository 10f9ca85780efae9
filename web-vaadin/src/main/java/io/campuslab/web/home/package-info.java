/** The start page, with a first slice of real data for each role. */
package io.campuslab.web.home;
