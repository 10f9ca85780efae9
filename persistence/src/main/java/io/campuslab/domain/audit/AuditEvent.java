package io.campuslab.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change, as the audit log keeps it: when, who, in which school (none for platform-wide
 * changes), what (a key such as {@code school.suspended}) and on which item, with a short detail.
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 255)
    private String actor;

    @Column(name = "tenant_slug", length = 40)
    private String tenantSlug;

    @Column(name = "action", nullable = false, length = 64)
    private String action;

    @Column(name = "target", nullable = false, length = 255)
    private String target;

    @Column(name = "detail", length = 1000)
    private String detail;

    protected AuditEvent() {
        // for Jakarta Persistence
    }

    public AuditEvent(Instant occurredAt, String actor, String tenantSlug, String action, String target, String detail) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.tenantSlug = tenantSlug;
        this.action = Objects.requireNonNull(action, "action");
        this.target = Objects.requireNonNull(target, "target");
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public Optional<String> tenantSlug() {
        return Optional.ofNullable(tenantSlug);
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
