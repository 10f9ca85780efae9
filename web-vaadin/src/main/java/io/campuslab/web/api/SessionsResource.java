package io.campuslab.web.api;

import io.campuslab.core.classroom.SessionCard;
import io.campuslab.core.classroom.SessionConsole;
import io.campuslab.core.classroom.SessionService;
import io.campuslab.core.classroom.SessionSummary;
import io.campuslab.core.classroom.TodaysSessions;
import io.campuslab.core.lab.LabView;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Class sessions: the teacher's (extend, end, the console with its actions, attendance) and the
 * student's (today's sessions, opening one's lab of a session).
 */
@Path("sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    SessionService sessions;

    @Inject
    SessionConsole console;

    @Inject
    TodaysSessions today;

    /** How many minutes more. */
    public record Extension(int minutes) {
    }

    /** The students an action is for, by user name. */
    public record Students(List<String> usernames) {
    }

    /** How many labs an action changed. */
    public record Changed(int labs) {
    }

    @GET
    @Path("today")
    @Operation(summary = "The caller's sessions from now to twelve hours ahead, each with the caller's lab of it")
    public List<SessionCard> today() throws CampusLabException {
        return today.mine();
    }

    @POST
    @Path("{id}/open")
    @Operation(summary = "The caller's lab of the session: the prepared one, or a new one in the caller's seat")
    @APIResponse(responseCode = "409", description = "The session is not being prepared nor under way")
    public LabView open(@PathParam("id") long id) throws CampusLabException {
        return today.open(id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One session of the caller's classrooms")
    @APIResponse(responseCode = "404", description = "No such session of the caller's classrooms")
    public SessionSummary get(@PathParam("id") long id) throws CampusLabException {
        return sessions.get(id);
    }

    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend the session, if the extra time fits beside the other reservations")
    @APIResponse(responseCode = "409", description = "The session is over, or the extra time does not fit (why is said)")
    public SessionSummary extend(@PathParam("id") long id, Extension extension) throws CampusLabException {
        return sessions.extend(id, extension == null ? 0 : extension.minutes());
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End the session now (its labs stop after the grace period); one not started is cancelled")
    public SessionSummary end(@PathParam("id") long id) throws CampusLabException {
        return sessions.end(id);
    }

    @GET
    @Path("{id}/console")
    @Operation(summary = "The session and every student of the roster with their lab, time used, activity and attendance")
    public SessionConsole.View console(@PathParam("id") long id) throws CampusLabException {
        return console.view(id);
    }

    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stop these students' labs of the session")
    public Changed stop(@PathParam("id") long id, Students students) throws CampusLabException {
        return new Changed(console.stop(id, students == null || students.usernames() == null ? List.of() : students.usernames()));
    }

    @POST
    @Path("{id}/restart")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give these students a fresh lab of the session, their active one stopped")
    @APIResponse(responseCode = "409", description = "The session is not being prepared nor under way")
    public Changed restart(@PathParam("id") long id, Students students) throws CampusLabException {
        return new Changed(console.restart(id, students == null || students.usernames() == null ? List.of() : students.usernames()));
    }

    /** Students whose labs are kept longer, and by how many minutes. */
    public record KeepLonger(List<String> usernames, int minutes) {
    }

    @POST
    @Path("{id}/keep")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keep these students' labs running 5 to 120 minutes longer than they would stop now")
    @APIResponse(responseCode = "400", description = "Minutes out of range, or a lab would run more than 4 hours past the session")
    @APIResponse(responseCode = "409", description = "The session has not begun preparing, or was cancelled")
    public Changed keep(@PathParam("id") long id, KeepLonger keep) throws CampusLabException {
        return new Changed(console.keep(id, keep == null || keep.usernames() == null ? List.of() : keep.usernames(),
                keep == null ? 0 : keep.minutes()));
    }

    @GET
    @Path("{id}/attendance")
    @Produces("text/csv")
    @Operation(summary = "Attendance as CSV: who opened a lab of the session, when (in the zone given, UTC by default), minutes in the lab")
    public Response attendance(@PathParam("id") long id, @QueryParam("zone") String zone) throws CampusLabException {
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("error.session.zone-unknown", zone);
        }
        return Response.ok(console.attendance(id, zoneId), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"attendance-" + id + ".csv\"").build();
    }
}
