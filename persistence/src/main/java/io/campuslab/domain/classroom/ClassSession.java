package io.campuslab.domain.classroom;

import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.course.Course;
import io.campuslab.domain.dataset.Dataset;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabSize;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * One occurrence of a classroom's session: its window, the lab each student gets (a template and
 * a size), how many seats it reserves, and when its labs are prepared. The window can be extended
 * or ended early while the session is not over; a session that has not started can be cancelled.
 */
@Entity
@Table(name = "class_sessions")
public class ClassSession {

    /** The longest one occurrence may last. */
    public static final Duration LONGEST = Duration.ofHours(12);

    /** The longest labs may be prepared ahead of the start. */
    public static final Duration LONGEST_PREPARATION = Duration.ofHours(2);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "classroom_id", nullable = false)
    private Classroom classroom;

    @Column(name = "series", nullable = false, length = 36)
    private String series;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "template_id")
    private LabTemplate template;

    @Column(name = "template_name", nullable = false, length = 40)
    private String templateName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "course_id")
    private Course course;

    /** The datasets the labs mount; none: the school's datasets, as for every lab. */
    @ManyToMany
    @JoinTable(name = "class_session_datasets", joinColumns = @JoinColumn(name = "session_id"),
            inverseJoinColumns = @JoinColumn(name = "dataset_id"))
    private Set<Dataset> datasets = new HashSet<>();

    @Embedded
    private LabSize size;

    @Column(name = "seats", nullable = false)
    private int seats;

    @Column(name = "prepare_at", nullable = false)
    private Instant prepareAt;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "prepared_at")
    private Instant preparedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ClassSession() {
        // for Jakarta Persistence
    }

    /**
     * A session of the classroom with a seat for every student of its roster now.
     *
     * @param preparation how long before the start the students' labs are prepared; zero prepares
     *                    each lab when its student first opens it
     */
    public ClassSession(Classroom classroom, String series, LabTemplate template, Course courseOrNull, LabSize size,
                        Instant startsAt, Instant endsAt, Duration preparation, String createdBy) {
        if (!endsAt.isAfter(startsAt) || Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("A session lasts between a minute and " + LONGEST.toHours() + " hours");
        }
        if (preparation.isNegative() || preparation.compareTo(LONGEST_PREPARATION) > 0) {
            throw new IllegalArgumentException("Labs are prepared at most " + LONGEST_PREPARATION.toHours() + " hours ahead");
        }
        this.classroom = Objects.requireNonNull(classroom, "classroom");
        this.tenant = classroom.tenant();
        this.series = Objects.requireNonNull(series, "series");
        this.template = Objects.requireNonNull(template, "template");
        this.templateName = template.name();
        this.course = courseOrNull;
        this.size = Objects.requireNonNull(size, "size");
        this.seats = classroom.students().size();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.prepareAt = startsAt.minus(preparation);
        this.createdBy = createdBy;
    }

    /** Where the session stands at the moment, its labs stopping a grace period after its end. */
    public SessionPhase phase(Instant now, Duration grace) {
        if (cancelledAt != null) {
            return SessionPhase.CANCELLED;
        }
        if (now.isBefore(prepareAt)) {
            return SessionPhase.SCHEDULED;
        }
        if (now.isBefore(startsAt)) {
            return SessionPhase.PREPARING;
        }
        if (now.isBefore(endsAt)) {
            return SessionPhase.LIVE;
        }
        return now.isBefore(endsAt.plus(grace)) ? SessionPhase.ENDING : SessionPhase.ENDED;
    }

    /** Whether the students' labs are to be prepared now: the time has come and it was not done. */
    public boolean duePreparation(Instant now) {
        return cancelledAt == null && preparedAt == null && !now.isBefore(prepareAt) && now.isBefore(endsAt);
    }

    /** The students' labs were asked for. */
    public void prepared(Instant now) {
        this.preparedAt = now;
    }

    /** The session lasts longer; refused once it is over or cancelled. */
    public void extend(Duration more, Instant now) {
        if (more.isNegative() || more.isZero() || Duration.between(startsAt, endsAt.plus(more)).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("A session lasts at most " + LONGEST.toHours() + " hours");
        }
        requireNotOver(now);
        this.endsAt = endsAt.plus(more);
    }

    /** The session ends now: its labs stop after the grace period. One that has not started is cancelled. */
    public void endNow(Instant now) {
        requireNotOver(now);
        if (now.isBefore(startsAt)) {
            cancel(now);
        } else {
            this.endsAt = now;
        }
    }

    /** Cancels a session that has not started; the labs it prepared stop. */
    public void cancel(Instant now) {
        requireNotOver(now);
        if (!now.isBefore(startsAt)) {
            throw new IllegalStateException("A session under way is ended, not cancelled");
        }
        this.cancelledAt = now;
    }

    private void requireNotOver(Instant now) {
        if (cancelledAt != null || !now.isBefore(endsAt)) {
            throw new IllegalStateException("The session is over");
        }
    }

    /** When the labs it prepared stop: its end plus the grace period, or at once once cancelled. */
    public Instant labsStopAt(Duration grace) {
        return cancelledAt != null ? cancelledAt : endsAt.plus(grace);
    }

    /** When one of its labs stops: with the others, or later if a teacher keeps that lab (not once cancelled). */
    public Instant labStopsAt(Lab lab, Duration grace) {
        Instant withTheOthers = labsStopAt(grace);
        return cancelledAt != null ? withTheOthers
                : lab.keptUntil().filter(withTheOthers::isBefore).orElse(withTheOthers);
    }

    /**
     * Whether the session's teacher may still enter one of its labs (through the gateway, to help):
     * until the lab stops with the session, never once the session is cancelled.
     */
    public boolean teacherMayEnter(Lab lab, Duration grace, Instant now) {
        return cancelledAt == null && now.isBefore(labStopsAt(lab, grace));
    }

    public Long id() {
        return id;
    }

    public Tenant tenant() {
        return tenant;
    }

    public Classroom classroom() {
        return classroom;
    }

    public String series() {
        return series;
    }

    /** The template the labs are made from; empty once it was deleted from the catalog. */
    public Optional<LabTemplate> template() {
        return Optional.ofNullable(template);
    }

    public String templateName() {
        return templateName;
    }

    public Optional<Course> course() {
        return Optional.ofNullable(course);
    }

    /** The labs mount exactly these datasets instead of all the school may use. */
    public void useDatasets(Collection<Dataset> chosen) {
        datasets.clear();
        datasets.addAll(chosen);
    }

    /** The datasets the labs mount, by name; empty: the school's datasets, as for every lab. */
    public List<Dataset> datasets() {
        return datasets.stream().sorted(Comparator.comparing(Dataset::name)).toList();
    }

    public LabSize size() {
        return size;
    }

    public int seats() {
        return seats;
    }

    public Instant prepareAt() {
        return prepareAt;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Optional<Instant> preparedAt() {
        return Optional.ofNullable(preparedAt);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public String createdBy() {
        return createdBy;
    }
}
