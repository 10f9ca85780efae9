package io.campuslab.core.lab;

import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabState;
import java.io.Serializable;
import java.time.Instant;

/** A lab as its owner and the school's admin see it: state with the reason in words' key, and its size. */
public record LabView(long id, String tenant, String owner, String template, String templateTitle, LabState state, String reasonKey, String reasonDetail,
                      Integer queuePosition, int cpuMillis, int memoryMib, int gpus, String gpuKey, Instant requestedAt, Instant stateChangedAt)
        implements Serializable {

    static LabView of(Lab lab) {
        return new LabView(lab.id(), lab.tenant().slug().value(), lab.owner().username(), lab.templateName(),
                lab.template().map(t -> t.displayName()).orElse(lab.templateName()), lab.state(), lab.reasonKey(),
                lab.reasonDetail().orElse(""), lab.queuePosition().orElse(null), lab.size().cpuLimitMillis(), lab.size().memoryLimitMib(), lab.size().gpus(),
                lab.size().gpuKey().orElse(null), lab.requestedAt(), lab.stateChangedAt());
    }
}
