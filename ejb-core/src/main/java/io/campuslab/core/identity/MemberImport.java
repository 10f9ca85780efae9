package io.campuslab.core.identity;

import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adding people to a school: one by hand, or a class of students from a CSV with a preview that
 * marks every bad row, then an import of all rows or none. People are created in the identity
 * provider first (with a temporary password), then recorded here; if anything fails, the people
 * created so far are deleted again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MemberImport {

    private static final Logger LOG = Logger.getLogger(MemberImport.class.getName());

    @Inject
    IdentityDirectory directory;

    @Inject
    SchoolMembers members;

    @Inject
    CurrentMember currentMember;

    /**
     * The largest class list the caller may send, asked before the list is read: the caller must be a
     * school admin of an active school, so that no one else gets a body of theirs read at all.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public int classListLimit() throws NotPermittedException {
        currentMember.require().tenant().orElseThrow(NotPermittedException::new);
        return ClassList.MAX_BYTES;
    }

    /** Every row with its problems, including user names that are taken already. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public List<ClassList.Row> preview(byte[] csv) throws DirectoryUnavailableException {
        List<ClassList.Row> checked = new ArrayList<>();
        for (ClassList.Row row : ClassList.parse(csv)) {
            if (row.valid() && (members.usernameKnown(row.username()) || directory.usernameTaken(row.username()))) {
                row = new ClassList.Row(row.line(), row.username(), row.name(), row.email(), row.className(),
                        List.of("error.import.username-taken"));
            }
            checked.add(row);
        }
        return checked;
    }

    /**
     * Adds one person to the caller's school as a student, teacher or school admin, with a one-time
     * password to hand over.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public ImportedPerson addOne(NewMember person) throws CampusLabException {
        if (person.role() == null || person.role() == Role.PLATFORM_ADMIN) {
            throw new InvalidInputException("error.member.role-invalid");
        }
        ClassList.Row row = person.row();
        if (!row.valid()) {
            throw new InvalidInputException(row.problems().get(0));
        }
        if (members.usernameKnown(row.username()) || directory.usernameTaken(row.username())) {
            throw new ConflictException("error.import.username-taken");
        }
        TenantSlug school = currentMember.require().tenant().orElseThrow(NotPermittedException::new).slug();
        String password = InitialPassword.generate();
        SchoolMembers.ImportedMember created = new SchoolMembers.ImportedMember(
                directory.createPerson(school, row.person(), person.role(), password), row);
        try {
            members.recordCreated(created, person.role());
        } catch (CampusLabException | RuntimeException e) {
            undo(List.of(created), e);
            throw e;
        }
        return new ImportedPerson(row.username(), row.name(), row.className(), password);
    }

    /** Imports every row as a student of the caller's school, or none if any row has a problem. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public List<ImportedPerson> importAll(byte[] csv) throws CampusLabException {
        List<ClassList.Row> rows = preview(csv);
        long bad = rows.stream().filter(row -> !row.valid()).count();
        if (bad > 0) {
            throw new InvalidInputException("error.import.has-problems", bad);
        }
        TenantSlug school = currentMember.require().tenant().orElseThrow(NotPermittedException::new).slug();
        List<SchoolMembers.ImportedMember> created = new ArrayList<>();
        List<ImportedPerson> result = new ArrayList<>();
        try {
            for (ClassList.Row row : rows) {
                String password = InitialPassword.generate();
                created.add(new SchoolMembers.ImportedMember(directory.createPerson(school, row.person(), Role.STUDENT, password), row));
                result.add(new ImportedPerson(row.username(), row.name(), row.className(), password));
            }
            members.recordImported(created);
            return result;
        } catch (CampusLabException | RuntimeException e) {
            undo(created, e);
            throw e;
        }
    }

    private void undo(List<SchoolMembers.ImportedMember> created, Exception cause) {
        for (SchoolMembers.ImportedMember person : created) {
            try {
                directory.deletePerson(person.subject());
            } catch (DirectoryUnavailableException e) {
                LOG.log(Level.SEVERE, "Import failed (" + cause + ") and the user " + person.row().username()
                        + " could not be removed from the identity provider: delete it by hand (" + e.detail() + ")");
            }
        }
    }

}
