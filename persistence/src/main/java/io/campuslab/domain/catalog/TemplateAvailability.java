package io.campuslab.domain.catalog;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A school's own word on a global template: offered or not. Without one, the template's
 * {@link LabTemplate#enabledByDefault()} decides, so new global templates reach schools as intended.
 */
@Entity
@Table(name = "template_availability")
public class TemplateAvailability {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    private LabTemplate template;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    protected TemplateAvailability() {
        // for Jakarta Persistence
    }

    public TemplateAvailability(Tenant tenant, LabTemplate template, boolean enabled) {
        if (!template.isGlobal()) {
            throw new IllegalArgumentException("Only global templates are enabled per school");
        }
        this.tenant = tenant;
        this.template = template;
        this.enabled = enabled;
    }

    public void set(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public LabTemplate template() {
        return template;
    }
}
