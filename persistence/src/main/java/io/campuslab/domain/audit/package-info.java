/** The audit log: who changed what, when, in which school. Records are only ever added. */
package io.campuslab.domain.audit;
