package io.campuslab.domain.classroom;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.tenant.Tenant;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A teacher's class: a name unique in the school, the teacher it belongs to, and its roster. Every
 * member of the roster belongs to the classroom's school; the rule holds here, not in the caller.
 */
@Entity
@Table(name = "classrooms")
public class Classroom {

    /** The most members one roster may hold. */
    public static final int MOST_STUDENTS = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    /** Null only for an archived classroom whose teacher was deleted after leaving the school. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "teacher_id")
    private Member teacher;

    @ManyToMany
    @JoinTable(name = "classroom_students", joinColumns = @JoinColumn(name = "classroom_id"),
            inverseJoinColumns = @JoinColumn(name = "member_id"))
    private Set<Member> students = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the school admin archived it at the end of a school year; null while in use. */
    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Classroom() {
        // for Jakarta Persistence
    }

    public Classroom(Member teacher, String name, Instant now) {
        this.teacher = Objects.requireNonNull(teacher, "teacher");
        this.tenant = teacher.tenant().orElseThrow(() -> new IllegalArgumentException("A teacher without a school"));
        this.name = requireName(name);
        this.createdAt = now;
    }

    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.strip().length() <= 100;
    }

    public void rename(String newName) {
        this.name = requireName(newName);
    }

    /** The roster becomes exactly these members, each of the classroom's school. */
    public void replaceRoster(Collection<Member> members) {
        if (members.size() > MOST_STUDENTS) {
            throw new IllegalArgumentException("A roster holds at most " + MOST_STUDENTS + " members");
        }
        for (Member member : members) {
            if (!member.isStudentOnlyOf(tenant)) {
                throw new IllegalArgumentException(member.username() + " is not a student of " + tenant.slug().value());
            }
        }
        students.clear();
        students.addAll(members);
    }

    /**
     * The end of a school year: the classroom is kept, read-only, under its name with the year's label
     * ({@code Computing 7a (2025/26)}, shortened to fit), so that next year's classroom may take its name.
     */
    public void archive(String label, Instant now) {
        if (archivedAt != null) {
            return;
        }
        this.name = archivedName(name, label);
        this.archivedAt = Objects.requireNonNull(now, "now");
    }

    /** The name a classroom of this name takes when archived with the year's label. */
    public static String archivedName(String name, String label) {
        String suffix = " (" + label.strip() + ")";
        String base = name.length() + suffix.length() > 100 ? name.substring(0, Math.max(1, 100 - suffix.length())).strip() : name;
        return (base + suffix).length() > 100 ? (base + suffix).substring(0, 100) : base + suffix;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    /** The teacher of an archived classroom was deleted: the classroom keeps its history without them. */
    public void forgetTeacher() {
        if (archivedAt == null) {
            throw new IllegalStateException("A classroom in use keeps its teacher");
        }
        this.teacher = null;
    }

    /** Takes a member off the roster (a member leaving the school). */
    public boolean takeOff(Member member) {
        return students.removeIf(student -> student.id().equals(member.id()));
    }

    /** Whether the member may see and run the classroom: its teacher. */
    public boolean isTaughtBy(Member member) {
        return teacher != null && teacher.id().equals(member.id());
    }

    private static String requireName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("A classroom needs a name of 1 to 100 characters");
        }
        return name.strip();
    }

    public Long id() {
        return id;
    }

    public Tenant tenant() {
        return tenant;
    }

    public String name() {
        return name;
    }

    /** The teacher; none only for an archived classroom whose teacher was deleted. */
    public Optional<Member> teacher() {
        return Optional.ofNullable(teacher);
    }

    /**
     * The roster's members who are still students of the school and nothing more: a student made a
     * teacher or an admin after joining the roster gets no session lab, and the teacher no access to theirs.
     */
    public List<Member> currentStudents() {
        return students().stream().filter(member -> member.isStudentOnlyOf(tenant)).toList();
    }

    /** The roster, by user name. */
    public List<Member> students() {
        return students.stream().sorted(Comparator.comparing(Member::username)).toList();
    }

    public Instant createdAt() {
        return createdAt;
    }
}
