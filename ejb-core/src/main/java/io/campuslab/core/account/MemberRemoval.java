package io.campuslab.core.account;

import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.identity.MemberRow;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.classroom.ClassroomRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.WorkspaceMode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A school admin removes a member, after a preview: the member's labs stop, they leave every roster,
 * and from then on they may only read who they are and download their workspace; after the grace
 * period ({@code campuslab.accounts.removal-grace}) {@link AccountSweep} deletes their account,
 * workspace and records. Until then the admin may take the removal back. A member who still teaches
 * a classroom in use cannot be removed: the classroom would lose its teacher (an archived one keeps
 * its history without them). Everything is audited.
 */
@Stateless
public class MemberRemoval {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    LabSignals signals;

    @Inject
    SettingsSource settings;

    @Inject
    CoreSettings core;

    @Inject
    Clock clock;

    private MemberRepository members;
    private LabRepository labs;
    private ClassroomRepository classrooms;

    @PostConstruct
    void init() {
        members = new MemberRepository(em);
        labs = new LabRepository(em);
        classrooms = new ClassroomRepository(em);
    }

    /** What removing the member would do; nothing changes. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public RemovalPreview preview(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        return previewOf(member(username), clock.instant());
    }

    /** Removes the member as the preview said; refused while they teach a classroom. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public MemberRow remove(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        Member member = member(username);
        Instant now = clock.instant();
        List<String> teaches = classroomsInUseTaughtBy(member);
        if (!teaches.isEmpty()) {
            throw new InvalidInputException("error.member.removal.teaches", String.join(", ", teaches));
        }
        if (member.leavingSince().isEmpty()) {
            int stopped = new Leaving(em, signals, core.removalGrace()).leave(member, now, "lab.reason.member-removed");
            audit.record(member.tenant().orElseThrow().slug().value(), "member.removed", username,
                    "deleted after " + member.deleteAfter().orElseThrow() + (stopped == 0 ? "" : ", " + stopped + " labs stopped"));
        }
        return MemberRow.of(member);
    }

    /** Takes a removal back before the deletion: the member belongs to the school again (not to the rosters they left). */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public MemberRow keep(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        Member member = member(username);
        if (member.deleteAfter().filter(due -> !due.isAfter(clock.instant())).isPresent()) {
            throw new InvalidInputException("error.member.removal.too-late");
        }
        if (member.leavingSince().isPresent()) {
            member.stay();
            audit.record(member.tenant().orElseThrow().slug().value(), "member.kept", username, null);
        }
        return MemberRow.of(member);
    }

    private RemovalPreview previewOf(Member member, Instant now) {
        int active = (int) labs.of(member, Leaving.MOST_LABS).stream().filter(lab -> lab.state().isActive()).count();
        List<String> rosters = classrooms.withStudent(member).stream().map(Classroom::name).toList();
        List<String> teaches = classroomsInUseTaughtBy(member);
        Role role = member.roles().stream().min(Enum::compareTo).orElse(Role.STUDENT);
        Instant deleteAfter = member.deleteAfter().orElse(now.plus(core.removalGrace()));
        return new RemovalPreview(member.username(), member.displayName(), role, active, rosters,
                workspaceBytes(member), deleteAfter, teaches, member.leavingSince().isPresent());
    }

    /** The classrooms in use the member teaches: they block the removal (an archived one does not). */
    private List<String> classroomsInUseTaughtBy(Member member) {
        return classrooms.taughtBy(member).stream().filter(c -> !c.isArchived()).map(Classroom::name).toList();
    }

    private long workspaceBytes(Member member) {
        PlatformSettings platform = settings.current();
        if (platform.workspaceMode() != WorkspaceMode.HOST_PATH) {
            return -1;
        }
        try {
            return folders(platform, member).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkspaceFolders folders(PlatformSettings platform, Member member) {
        return new WorkspaceFolders(platform.workspaceRoot().resolve(member.tenant().orElseThrow().slug().value()),
                member.username());
    }

    /** A member of the caller's school other than the caller. */
    private Member member(String username) throws NotPermittedException, NotFoundException, InvalidInputException {
        return OtherMember.of(members, currentMember.require(), username, "error.member.own-removal");
    }
}
