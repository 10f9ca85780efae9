package io.campuslab.domain.course;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A course of one school: its name (the material's folder), title, level, description, teachers. */
@Entity
@Table(name = "courses")
public class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant school;

    @Column(name = "name", nullable = false, length = 40)
    private String name;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "level", length = 100)
    private String level;

    @Column(name = "description", length = 4000)
    private String description;

    /** The catalog template labs of this course start from, by name; none means the student chooses. */
    @Column(name = "default_template", length = 40)
    private String defaultTemplate;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "course_teachers", joinColumns = @JoinColumn(name = "course_id"),
            inverseJoinColumns = @JoinColumn(name = "member_id"))
    private Set<Member> teachers = new HashSet<>();

    @Column(name = "material_files", nullable = false)
    private int materialFiles;

    @Column(name = "material_bytes", nullable = false)
    private long materialBytes;

    @Column(name = "material_updated_at")
    private Instant materialUpdatedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Course() {
        // for Jakarta Persistence
    }

    public Course(Tenant school, String name, Instant now) {
        if (!TenantSlug.isValid(name)) {
            throw new IllegalArgumentException("Not a valid course name: " + name);
        }
        this.school = school;
        this.name = name;
        this.createdAt = now;
    }

    /** Title 1–200 characters, level up to 100, description up to 4000; teachers of this school only. */
    public void describe(String title, String level, String description, String defaultTemplate, List<Member> teachers) {
        if (!isValidTitle(title) || (level != null && level.length() > 100) || (description != null && description.length() > 4000)) {
            throw new IllegalArgumentException("Invalid course description");
        }
        for (Member teacher : teachers) {
            if (!teacher.hasRole(Role.TEACHER) || teacher.tenant().map(t -> !t.id().equals(school.id())).orElse(true)) {
                throw new IllegalArgumentException(teacher.username() + " is no teacher of this school");
            }
        }
        this.title = title.strip();
        this.level = level == null || level.isBlank() ? null : level.strip();
        this.description = description;
        this.defaultTemplate = defaultTemplate == null || defaultTemplate.isBlank() ? null : defaultTemplate;
        this.teachers = new HashSet<>(teachers);
    }

    public static boolean isValidTitle(String title) {
        return title != null && !title.isBlank() && title.strip().length() <= 200;
    }

    public boolean isTaughtBy(Member member) {
        return teachers.stream().anyMatch(t -> t.id().equals(member.id()));
    }

    public void materialReplaced(int files, long bytes, Instant now) {
        this.materialFiles = files;
        this.materialBytes = bytes;
        this.materialUpdatedAt = now;
    }

    /** The folder below the course root: {@code <school>/<course>}. */
    public String folder() {
        return school.slug().value() + "/" + name;
    }

    public Long id() {
        return id;
    }

    public Tenant school() {
        return school;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public Optional<String> level() {
        return Optional.ofNullable(level);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<String> defaultTemplate() {
        return Optional.ofNullable(defaultTemplate);
    }

    public Set<Member> teachers() {
        return Set.copyOf(teachers);
    }

    public int materialFiles() {
        return materialFiles;
    }

    public long materialBytes() {
        return materialBytes;
    }

    public Optional<Instant> materialUpdatedAt() {
        return Optional.ofNullable(materialUpdatedAt);
    }
}
