package io.campuslab.core.audit;

import io.campuslab.domain.audit.AuditEvent;
import java.io.Serializable;
import java.time.Instant;

/** One line of the audit log as the portal shows it. */
public record AuditEntry(Instant at, String actor, String tenant, String action, String target, String detail)
        implements Serializable {

    static AuditEntry of(AuditEvent event) {
        return new AuditEntry(event.occurredAt(), event.actor(), event.tenantSlug().orElse(null), event.action(),
                event.target(), event.detail().orElse(null));
    }
}
