/** The audit log screen: every change of the school (or, for the operator, of the platform). */
package io.campuslab.web.audit;
