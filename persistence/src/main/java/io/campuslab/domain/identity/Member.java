package io.campuslab.domain.identity;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person who has signed in to CampusLab. Keycloak owns who a person is and which roles they hold;
 * this record mirrors it at every sign-in so that the portal can list, count and link members.
 */
@Entity
@Table(name = "members")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subject", nullable = false, unique = true, length = 64)
    private String subject;

    @Column(name = "username", nullable = false, unique = true, length = 255)
    private String username;

    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    @Column(name = "email", length = 255)
    private String email;

    /** Null only for a platform admin, who belongs to no school. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_roles", joinColumns = @JoinColumn(name = "member_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null until the member signs in for the first time. */
    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** The alias of the school's identity provider the member signs in through; null for a CampusLab account. */
    @Column(name = "sign_in_provider", length = 64)
    private String signInProvider;

    /** When a school admin suspended the member; null while they may sign in. */
    @Column(name = "suspended_at")
    private Instant suspendedAt;

    /** When a school admin removed the member; null while they belong to the school. */
    @Column(name = "leaving_since")
    private Instant leavingSince;

    /** When a removed member's account, workspace and records are deleted. */
    @Column(name = "delete_after")
    private Instant deleteAfter;

    /** The class a member was imported with, for the school's classrooms. */
    @Column(name = "class_name", length = 100)
    private String className;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Member() {
        // for Jakarta Persistence
    }

    /** The first sign-in of a person: they become a member of the school their token names. */
    public static Member firstSignIn(SignInIdentity identity, Optional<Tenant> tenant, Instant now) {
        Member member = new Member();
        member.subject = identity.subject();
        member.createdAt = now;
        member.refresh(identity, tenant, now);
        return member;
    }

    /**
     * A person a school admin created in the identity provider, before their first sign-in. The
     * first sign-in finds this member by subject and refreshes it.
     */
    public static Member invited(String subject, String username, String displayName, String email, Tenant school,
                                 Role role, String className, Instant now) {
        Member member = new Member();
        member.subject = Objects.requireNonNull(subject, "subject");
        member.username = Objects.requireNonNull(username, "username");
        member.displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        member.email = email == null || email.isBlank() ? null : email.strip();
        member.tenant = Objects.requireNonNull(school, "school");
        member.roles = EnumSet.of(role);
        member.className = className == null || className.isBlank() ? null : className.strip();
        member.createdAt = now;
        return member;
    }

    /** The school admin gave the member another role (kept in the identity provider too). */
    public void changeRole(Role role) {
        if (role.isPlatformWide()) {
            throw new IllegalArgumentException("A school admin cannot make anyone a platform admin");
        }
        this.roles = EnumSet.of(role);
    }

    /**
     * A later call: name, e-mail, school and roles follow what the identity provider says now. Changes
     * nothing when the record already holds it, so that reading never writes.
     *
     * @return whether anything changed
     */
    public boolean refresh(SignInIdentity identity, Optional<Tenant> tenant) {
        if (!subject.equals(identity.subject())) {
            throw new IllegalArgumentException("Identity of another subject");
        }
        if (holds(identity)) {
            return false;
        }
        this.username = identity.username();
        this.displayName = identity.displayName();
        this.email = identity.email();
        this.tenant = tenant.orElse(null);
        this.roles = identity.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(identity.roles());
        this.signInProvider = identity.provider().orElse(null);
        return true;
    }

    /** A later sign-in: the profile follows the identity provider, and the sign-in is recorded. */
    public void refresh(SignInIdentity identity, Optional<Tenant> tenant, Instant now) {
        refresh(identity, tenant);
        this.lastSignInAt = Objects.requireNonNull(now, "now");
    }

    /**
     * Whether this record is the person the identity names, as the identity provider describes them
     * now: the same subject, user name, name, e-mail, school, roles and way of signing in.
     */
    public boolean holds(SignInIdentity identity) {
        return subject.equals(identity.subject())
                && identity.username().equals(username)
                && identity.displayName().equals(displayName)
                && Objects.equals(identity.email(), email)
                && identity.tenant().map(slug -> tenant != null && tenant.slug().equals(slug)).orElse(tenant == null)
                && identity.roles().equals(Set.copyOf(roles))
                && identity.provider().equals(Optional.ofNullable(signInProvider));
    }

    /** The member may not sign in or act until resumed; their data stays. */
    public void suspend(Instant now) {
        if (suspendedAt == null) {
            suspendedAt = Objects.requireNonNull(now, "now");
        }
    }

    public void resume() {
        suspendedAt = null;
    }

    public Optional<Instant> suspendedAt() {
        return Optional.ofNullable(suspendedAt);
    }

    /**
     * A school admin removed the member: from now on they may only fetch their workspace, which is
     * deleted with their account and records at {@code deleteAfter}. A member already leaving keeps
     * the date they were given.
     */
    public void leave(Instant now, Instant deleteAfter) {
        if (leavingSince == null) {
            this.leavingSince = Objects.requireNonNull(now, "now");
            this.deleteAfter = Objects.requireNonNull(deleteAfter, "deleteAfter");
        }
    }

    /** The removal is taken back before the deletion: the member belongs to the school again. */
    public void stay() {
        leavingSince = null;
        deleteAfter = null;
    }

    /** When the removed member's account, workspace and records are deleted; empty for a member who stays. */
    public Optional<Instant> deleteAfter() {
        return Optional.ofNullable(deleteAfter);
    }

    public Optional<Instant> leavingSince() {
        return Optional.ofNullable(leavingSince);
    }

    /** Whether the member may act in the school: neither suspended nor removed. */
    public boolean isActive() {
        return suspendedAt == null && leavingSince == null;
    }

    public void changeClass(String className) {
        this.className = className == null || className.isBlank() ? null : className.strip();
    }

    /** The alias of the school's identity provider the member signed in through last; none for a CampusLab account. */
    public Optional<String> signInProvider() {
        return Optional.ofNullable(signInProvider);
    }

    /**
     * The identity provider gave this member's user name to another account (the old one was deleted,
     * or the realm re-created). The old member keeps its data under a name no one can sign in with, so
     * that nothing of it passes to the new account.
     */
    public void releaseUsername() {
        String suffix = "~" + id;
        String base = username.length() + suffix.length() > 255 ? username.substring(0, 255 - suffix.length()) : username;
        this.username = base + suffix;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether this member is a student of the school and nothing more: the only members a classroom's
     * roster takes, since a teacher gains access to the labs of the people on their rosters. A removed
     * member is no longer one.
     */
    public boolean isStudentOnlyOf(Tenant school) {
        return roles.equals(EnumSet.of(Role.STUDENT)) && tenant != null && leavingSince == null
                && (tenant == school || tenant.id() != null && tenant.id().equals(school.id()));
    }

    /** Whether this member may see and act on the given school's data. */
    public boolean mayActFor(Tenant school) {
        return hasRole(Role.PLATFORM_ADMIN) || (tenant != null && tenant.id().equals(school.id()));
    }

    public Long id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<Tenant> tenant() {
        return Optional.ofNullable(tenant);
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastSignInAt() {
        return Optional.ofNullable(lastSignInAt);
    }

    public Optional<String> className() {
        return Optional.ofNullable(className);
    }
}
