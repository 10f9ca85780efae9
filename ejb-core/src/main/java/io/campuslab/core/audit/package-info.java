/** Recording every change in the audit log, and reading it scoped to the caller's school. */
package io.campuslab.core.audit;
