package io.campuslab.core.classroom;

import io.campuslab.core.lab.LabView;
import java.io.Serializable;

/** A session of today on a student's page: the session, and the student's lab of it if there is one. */
public record SessionCard(SessionSummary session, LabView labOrNull) implements Serializable {
}
