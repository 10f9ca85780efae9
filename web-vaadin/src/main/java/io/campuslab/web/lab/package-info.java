/** A member's own lab: choosing a template and size, watching it start, stopping it. */
package io.campuslab.web.lab;
