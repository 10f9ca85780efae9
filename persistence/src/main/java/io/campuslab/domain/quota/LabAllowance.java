package io.campuslab.domain.quota;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An allowance a school admin set: the default of a role in the school, or the override of one
 * member. Checked against the school's quota whenever it is written.
 */
@Entity
@Table(name = "lab_allowances")
public class LabAllowance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 32)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    private Member member;

    @Column(name = "max_cpu_millis")
    private Integer maxCpuMillis;

    @Column(name = "max_memory_mib")
    private Integer maxMemoryMib;

    @Column(name = "max_gpus")
    private Integer maxGpus;

    @Column(name = "labs_at_once")
    private Integer labsAtOnce;

    @Column(name = "gpu_hours_month")
    private Integer gpuHoursPerMonth;

    @Column(name = "gpu_hours_term")
    private Integer gpuHoursPerTerm;

    /** A member's override: what the school admin set, which a teacher's change may not exceed. */
    @Column(name = "ceiling_cpu_millis")
    private Integer ceilingCpuMillis;

    @Column(name = "ceiling_memory_mib")
    private Integer ceilingMemoryMib;

    @Column(name = "ceiling_gpus")
    private Integer ceilingGpus;

    @Column(name = "ceiling_labs_at_once")
    private Integer ceilingLabsAtOnce;

    @Column(name = "ceiling_gpu_hours_month")
    private Integer ceilingGpuHoursPerMonth;

    @Column(name = "ceiling_gpu_hours_term")
    private Integer ceilingGpuHoursPerTerm;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected LabAllowance() {
        // for Jakarta Persistence
    }

    /** The default of every member of the school with this role (students or teachers). */
    public static LabAllowance forRole(Tenant school, Role role) {
        if (role != Role.STUDENT && role != Role.TEACHER) {
            throw new IllegalArgumentException("Allowances are set for students and teachers, not for " + role);
        }
        LabAllowance allowance = new LabAllowance();
        allowance.tenant = school;
        allowance.role = role;
        return allowance;
    }

    /** The override of one member of the school. */
    public static LabAllowance forMember(Member member) {
        LabAllowance allowance = new LabAllowance();
        allowance.tenant = member.tenant().orElseThrow(() -> new IllegalArgumentException("A member without a school"));
        allowance.member = member;
        return allowance;
    }

    /**
     * The school admin sets what the allowance says, after checking it against the school's quota; for a
     * member, it is also the ceiling of what the member's teachers may set.
     */
    public void change(Allowance allowance, String by, Instant now) {
        set(allowance, by, now);
        this.ceilingCpuMillis = allowance.maxCpuMillis();
        this.ceilingMemoryMib = allowance.maxMemoryMib();
        this.ceilingGpus = allowance.maxGpus();
        this.ceilingLabsAtOnce = allowance.labsAtOnce();
        this.ceilingGpuHoursPerMonth = allowance.gpuHoursPerMonth();
        this.ceilingGpuHoursPerTerm = allowance.gpuHoursPerTerm();
    }

    /**
     * A teacher changes a student's override within what the school admin set for that student (and
     * the school's quota); what the admin left open, the teacher may set.
     *
     * @throws IllegalArgumentException beyond the ceiling; {@link #problemsOfTeachersChange} says why first
     */
    public void changeByTeacher(Allowance allowance, String by, Instant now) {
        if (member == null || !problemsOfTeachersChange(allowance).isEmpty()) {
            throw new IllegalArgumentException("A teacher's change beyond the school admin's: " + problemsOfTeachersChange(allowance));
        }
        set(allowance, by, now);
    }

    /** What a teacher's change would raise past the school admin's ceiling for this member. */
    public List<AllowanceProblem> problemsOfTeachersChange(Allowance allowance) {
        return allowance.problemsBeyond(ceiling());
    }

    /** What the school admin set for this member: the ceiling of their teachers' changes. */
    public Allowance ceiling() {
        return new Allowance(ceilingCpuMillis, ceilingMemoryMib, ceilingGpus, ceilingLabsAtOnce, ceilingGpuHoursPerMonth,
                ceilingGpuHoursPerTerm);
    }

    private void set(Allowance allowance, String by, Instant now) {
        if (!allowance.problemsWithin(tenant.quota()).isEmpty()) {
            throw new IllegalArgumentException("An allowance beyond the school's quota: " + allowance.problemsWithin(tenant.quota()));
        }
        this.maxCpuMillis = allowance.maxCpuMillis();
        this.maxMemoryMib = allowance.maxMemoryMib();
        this.maxGpus = allowance.maxGpus();
        this.labsAtOnce = allowance.labsAtOnce();
        this.gpuHoursPerMonth = allowance.gpuHoursPerMonth();
        this.gpuHoursPerTerm = allowance.gpuHoursPerTerm();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Allowance allowance() {
        return new Allowance(maxCpuMillis, maxMemoryMib, maxGpus, labsAtOnce, gpuHoursPerMonth, gpuHoursPerTerm);
    }

    public Tenant tenant() {
        return tenant;
    }

    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    public Optional<Member> member() {
        return Optional.ofNullable(member);
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
