package io.campuslab.core.account;

import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.WorkspaceMode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A member's own workspace as a zip: what their labs kept in host storage, one folder per template.
 * Offered to every member of a school, and the one thing a removed member may still do until their
 * deletion. Only while none of their labs runs (a running lab could change its folder under the
 * archive). Workspaces in cluster storage are not read by the portal: there the archive is refused
 * with a clear word.
 */
@Stateless
public class WorkspaceArchive {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    SettingsSource settings;

    /** The caller's workspace folders, checked: a member of a school, no lab running, host storage. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public WorkspaceFolders own() throws NotPermittedException, ConflictException, InvalidInputException {
        Member member = currentMember.requireEvenLeaving();
        if (member.tenant().isEmpty()) {
            throw new NotPermittedException();
        }
        PlatformSettings platform = settings.current();
        if (platform.workspaceMode() != WorkspaceMode.HOST_PATH) {
            throw new InvalidInputException("error.workspace.on-cluster-storage");
        }
        if (new LabRepository(em).activeCount(member) > 0) {
            throw new ConflictException("error.workspace.lab-running");
        }
        return MemberRemoval.folders(platform, member);
    }
}
