package io.campuslab.web.api;

import io.campuslab.core.classroom.ClassroomService;
import io.campuslab.core.classroom.ClassroomSummary;
import io.campuslab.core.classroom.SessionAnswer;
import io.campuslab.core.classroom.SessionDraft;
import io.campuslab.core.classroom.SessionService;
import io.campuslab.core.classroom.SessionSummary;
import io.campuslab.core.identity.DirectoryGroup;
import io.campuslab.web.i18n.Messages;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import io.campuslab.core.platform.CampusLabException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Classrooms and their rosters: a teacher's own, or all of the school for its admins. */
@Path("classrooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClassroomsResource {

    @Inject
    ClassroomService classrooms;

    @Inject
    SessionService sessions;

    @Context
    HttpHeaders headers;

    /** A new classroom: its name. */
    public record NewClassroom(String name) {
    }

    @GET
    @Operation(summary = "The caller's classrooms (teachers: their own; school admins: all of the school)")
    @APIResponse(responseCode = "403", description = "Neither a teacher nor a school admin")
    public List<ClassroomSummary> list() throws CampusLabException {
        return classrooms.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a classroom of the caller's, with an empty roster")
    @APIResponse(responseCode = "201", description = "The classroom")
    @APIResponse(responseCode = "409", description = "The school has a classroom of that name")
    public Response create(NewClassroom classroom) throws CampusLabException {
        ClassroomSummary created = classrooms.create(classroom == null ? null : classroom.name());
        return Response.created(URI.create("classrooms/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One classroom with its roster")
    @APIResponse(responseCode = "404", description = "No such classroom of the caller's")
    public ClassroomSummary get(@PathParam("id") long id) throws CampusLabException {
        return classrooms.get(id);
    }

    @PUT
    @Path("{id}/roster")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the roster with these user names, all members of the school; all or nothing")
    @APIResponse(responseCode = "400", description = "Some user names are not members of the school (named)")
    public ClassroomSummary setRoster(@PathParam("id") long id, List<String> usernames) throws CampusLabException {
        return classrooms.setRoster(id, usernames);
    }

    @GET
    @Path("directory-groups")
    @Operation(summary = "The groups the school keeps below its group in the directory (Keycloak), such as its classes")
    @APIResponse(responseCode = "503", description = "The directory did not answer")
    public List<DirectoryGroup> directoryGroups() throws CampusLabException {
        return classrooms.directoryGroups();
    }

    /** A directory group to add to a roster, by its identifier from {@code directory-groups}. */
    public record GroupToAdd(String groupId) {
    }

    @POST
    @Path("{id}/roster/group")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add the students of a directory group below the school's group to the roster")
    @APIResponse(responseCode = "200", description = "The classroom, how many joined, and the people passed over (not students)")
    @APIResponse(responseCode = "404", description = "No such classroom of the caller's, or no such group of the school")
    public ClassroomService.GroupAdded addGroup(@PathParam("id") long id, GroupToAdd group) throws CampusLabException {
        return classrooms.addGroup(id, group == null ? null : group.groupId());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a classroom")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id) throws CampusLabException {
        classrooms.delete(id);
    }

    @GET
    @Path("{id}/sessions")
    @Operation(summary = "The classroom's sessions, in order of their start")
    @APIResponse(responseCode = "404", description = "No such classroom of the caller's")
    public List<SessionSummary> sessions(@PathParam("id") long id) throws CampusLabException {
        return sessions.list(id);
    }

    /** Whether a session fits, in the caller's words: {@code fits}, the translated answer, and its key. */
    public record Answer(boolean fits, String message, String messageKey, int occurrences) {
    }

    @POST
    @Path("{id}/sessions/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether a session would fit the cluster and the school's quota beside the other reservations; saves nothing")
    @APIResponse(responseCode = "400", description = "The draft is not a session (the reason is named)")
    public Answer check(@PathParam("id") long id, SessionDraft draft) throws CampusLabException {
        SessionAnswer answer = sessions.check(id, draft);
        return new Answer(answer.fits(), Messages.get(locale(), answer.messageKey(), answer.arguments().toArray()),
                answer.messageKey(), answer.occurrences());
    }

    @POST
    @Path("{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a session (once, or weekly until a last day) if every occurrence fits")
    @APIResponse(responseCode = "201", description = "The occurrences scheduled")
    @APIResponse(responseCode = "409", description = "An occurrence does not fit: when, what, how much is free, and who holds the rest")
    public Response schedule(@PathParam("id") long id, SessionDraft draft) throws CampusLabException {
        List<SessionSummary> scheduled = sessions.schedule(id, draft);
        return Response.created(URI.create("sessions/" + scheduled.get(0).id())).entity(scheduled).build();
    }

    private Locale locale() {
        return headers == null || headers.getAcceptableLanguages().isEmpty() ? Locale.ENGLISH : headers.getAcceptableLanguages().get(0);
    }
}
