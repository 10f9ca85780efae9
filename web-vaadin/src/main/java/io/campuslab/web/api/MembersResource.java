package io.campuslab.web.api;

import io.campuslab.core.identity.ClassList;
import io.campuslab.core.identity.ImportedPerson;
import io.campuslab.core.identity.NewMember;
import io.campuslab.core.identity.MemberImport;
import io.campuslab.core.identity.MemberRow;
import io.campuslab.core.identity.MemberRoles;
import io.campuslab.core.identity.SchoolMembers;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.domain.identity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.IOException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The members of the school admin's school. */
@Path("members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Context
    HttpHeaders headers;

    @Inject
    SchoolMembers members;

    @Inject
    MemberImport imports;

    @Inject
    MemberRoles roles;

    @Inject
    io.campuslab.core.identity.MemberPasswords passwords;

    @Inject
    io.campuslab.core.account.MemberAccounts accounts;

    @Inject
    io.campuslab.core.account.MemberRemoval removal;

    /** One page of members and how many match in all. */
    @Context
    UriInfo uri;

    public record MemberPage(long total, List<MemberRow> members) {
    }

    /** The role to give. */
    public record RoleChange(String role) {
    }

    @GET
    @Operation(summary = "Members whose user name, name or e-mail contains the search text, paged (school admins)")
    public MemberPage list(@QueryParam("search") @DefaultValue("") String search,
                           @QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("50") int max) throws CampusLabException {
        return new MemberPage(members.count(search), members.search(search, first, max));
    }

    @PUT
    @Path("{username}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a member the role student, teacher or tenant-admin (kept in Keycloak)")
    @APIResponse(responseCode = "404", description = "No such member in the school")
    public MemberRow changeRole(@PathParam("username") String username, RoleChange change) throws CampusLabException {
        Role role = change == null || change.role() == null ? null : Role.ofRealmName(change.role()).orElse(null);
        if (role == null) {
            throw new InvalidInputException("error.member.role-invalid");
        }
        return roles.changeRole(username, role);
    }

    @POST
    @Path("{username}/password-reset")
    @Operation(summary = "Give a member a one-time password, to be changed at the next sign-in (school admins: any member;"
            + " teachers: the students of their classrooms; audited); the password is in the answer, once")
    @APIResponse(responseCode = "200", description = "The one-time password")
    @APIResponse(responseCode = "400", description = "One's own password, or a member who signs in through the school's provider")
    @APIResponse(responseCode = "404", description = "No such member in the school, or not the teacher's student")
    public ImportedPerson resetPassword(@PathParam("username") String username) throws CampusLabException {
        return passwords.reset(username);
    }

    @POST
    @Path("{username}/suspend")
    @Operation(summary = "Suspend a member: they can no longer sign in or act, their labs stop, nothing is deleted"
            + " (school admins; audited)")
    @APIResponse(responseCode = "200", description = "The member, suspended")
    @APIResponse(responseCode = "400", description = "One's own account")
    @APIResponse(responseCode = "404", description = "No such member in the school")
    public MemberRow suspend(@PathParam("username") String username) throws CampusLabException {
        return accounts.suspend(username);
    }

    @POST
    @Path("{username}/resume")
    @Operation(summary = "Let a suspended member sign in again (school admins; audited)")
    @APIResponse(responseCode = "200", description = "The member, resumed")
    @APIResponse(responseCode = "404", description = "No such member in the school")
    public MemberRow resume(@PathParam("username") String username) throws CampusLabException {
        return accounts.resume(username);
    }

    @GET
    @Path("{username}/removal")
    @Operation(summary = "What removing a member would do: labs that stop, rosters left, the workspace kept until when,"
            + " classrooms that block it (school admins; nothing changes)")
    @APIResponse(responseCode = "200", description = "The preview")
    @APIResponse(responseCode = "400", description = "One's own account")
    @APIResponse(responseCode = "404", description = "No such member in the school")
    public io.campuslab.core.account.RemovalPreview removalPreview(@PathParam("username") String username)
            throws CampusLabException {
        return removal.preview(username);
    }

    @POST
    @Path("{username}/removal")
    @Operation(summary = "Remove a member: labs stop, rosters left, only their workspace's download remains until the"
            + " grace period ends, then account, workspace and records are deleted (school admins; audited)")
    @APIResponse(responseCode = "200", description = "The member, leaving, with the time of the deletion")
    @APIResponse(responseCode = "400", description = "One's own account, or a teacher of classrooms")
    @APIResponse(responseCode = "404", description = "No such member in the school")
    public MemberRow remove(@PathParam("username") String username) throws CampusLabException {
        return removal.remove(username);
    }

    @DELETE
    @Path("{username}/removal")
    @Operation(summary = "Take a removal back before the deletion: the member belongs to the school again (school admins; audited)")
    @APIResponse(responseCode = "200", description = "The member, staying")
    @APIResponse(responseCode = "400", description = "The grace period has ended")
    @APIResponse(responseCode = "404", description = "No such member in the school")
    public MemberRow keep(@PathParam("username") String username) throws CampusLabException {
        return removal.keep(username);
    }

    /** One person to add: the role is a realm role name (student, teacher, tenant-admin); student when empty. */
    public record Addition(String username, String name, String email, String className, String role) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add one member to the school (school admins); the one-time password is in the answer, once")
    @APIResponse(responseCode = "201", description = "The member was created in Keycloak and in the school")
    @APIResponse(responseCode = "400", description = "Invalid user name, name, e-mail or role")
    @APIResponse(responseCode = "409", description = "The user name is taken")
    public Response add(Addition addition) throws CampusLabException {
        if (addition == null) {
            throw new InvalidInputException("error.import.username-invalid");
        }
        Role role = addition.role() == null || addition.role().isBlank() ? Role.STUDENT
                : Role.ofRealmName(addition.role()).orElseThrow(() -> new InvalidInputException("error.member.role-invalid"));
        ImportedPerson added = imports.addOne(new NewMember(addition.username(), addition.name(), addition.email(),
                addition.className(), role));
        return Response.created(uri.getAbsolutePathBuilder().path(added.username()).build()).entity(added).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import students from a CSV (username,name,email,class): with preview=true only check every row;"
            + " otherwise import all rows or none")
    @APIResponse(responseCode = "201", description = "Everyone was imported; the initial passwords are in the answer, once")
    @APIResponse(responseCode = "400", description = "Some rows have problems; nobody was imported")
    @APIResponse(responseCode = "413", description = "The list is larger than a class list can be (1 MiB)")
    public Response importStudents(@QueryParam("preview") @DefaultValue("false") boolean preview, InputStream body)
            throws CampusLabException, IOException {
        byte[] csv = UploadBody.bytes(body, headers, imports.classListLimit());
        if (preview) {
            List<ClassList.Row> rows = imports.preview(csv);
            return Response.ok(rows).build();
        }
        List<ImportedPerson> imported = imports.importAll(csv);
        return Response.status(Response.Status.CREATED).entity(imported).build();
    }
}
