package io.campuslab.core.lab;

import io.campuslab.core.lab.admission.Demand;
import io.campuslab.domain.lab.LabState;
import java.time.Instant;

/**
 * One active lab as a scheduler pass sees it, read in one short transaction: its state, what it
 * takes, when things happened, and the blueprint of its cluster objects.
 */
public record LabRecord(long id, String tenant, String user, LabState state, Demand demand, String nodeOrNull,
                        Instant stateChangedAt, Instant runningAtOrNull, Instant lastActivityOrNull,
                        LabBlueprint blueprint) {
}
