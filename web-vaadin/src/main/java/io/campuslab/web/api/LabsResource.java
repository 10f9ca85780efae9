package io.campuslab.web.api;

import io.campuslab.core.lab.LabOpening;
import io.campuslab.core.lab.LabRequest;
import io.campuslab.core.lab.LabService;
import io.campuslab.core.lab.LabView;
import io.campuslab.core.lab.UsageMeter;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Labs: one's own, asking for one, stopping; the school admin sees the school's. */
@Path("labs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LabsResource {

    @Inject
    LabService labs;

    @Inject
    LabOpening opening;

    @Context
    UriInfo uri;

    @Context
    jakarta.servlet.http.HttpServletRequest request;

    /** A lab to queue: a template of the school's catalog; empty sizes take the template's defaults. */
    public record NewLab(String template, Integer cpuMillis, Integer memoryMib, Integer gpus, String gpuKey, String gpuModel) {
    }

    @GET
    @Path("mine")
    @Operation(summary = "The caller's labs: the active one and the last that ended")
    public List<LabView> mine() throws CampusLabException {
        return labs.mine();
    }

    @GET
    @Operation(summary = "The school's active labs (school admins)")
    @APIResponse(responseCode = "403", description = "Not a school admin")
    public List<LabView> school() throws CampusLabException {
        return labs.school();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a lab; the scheduler starts it when the school's quota and the cluster have room")
    @APIResponse(responseCode = "201", description = "The queued lab")
    @APIResponse(responseCode = "400", description = "A size the template or the platform does not offer")
    @APIResponse(responseCode = "404", description = "No such template in the school's catalog")
    @APIResponse(responseCode = "409", description = "The caller has an active lab already")
    public Response request(NewLab lab) throws CampusLabException {
        if (lab == null) {
            throw new InvalidInputException("error.lab.template-missing");
        }
        LabView queued = labs.request(new LabRequest(lab.template(), lab.cpuMillis(), lab.memoryMib(),
                lab.gpus() == null ? 0 : lab.gpus(), lab.gpuKey(), lab.gpuModel()));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(queued.id())).build()).entity(queued).build();
    }

    @GET
    @Path("usage")
    @Operation(summary = "The caller's CPU core-hours and GPU-hours this month (those in class sessions apart), the school's"
            + " GPU-hours against its budget, and the caller's GPU-hours this term in labs of their own against their budget")
    public UsageMeter usage() throws CampusLabException {
        return labs.usage();
    }

    @POST
    @Path("{id}/keep")
    @Operation(summary = "Keep the caller's running lab from being stopped as idle: counts as activity now")
    @APIResponse(responseCode = "404", description = "No such lab of the caller")
    @APIResponse(responseCode = "409", description = "The lab does not run")
    public LabView keep(@PathParam("id") long id) throws CampusLabException {
        return labs.keep(id);
    }

    public record Access(String url) {
    }

    @GET
    @Path("{id}/access")
    @Operation(summary = "The address that enters the caller's running lab through the gateway (its first port, or"
            + " ?port=<name>): valid once, for a minute; the gateway exchanges it for the lab's cookie. Counts as activity")
    @APIResponse(responseCode = "404", description = "No such lab of the caller")
    @APIResponse(responseCode = "409", description = "The lab does not run (yet)")
    public Access access(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("port") String port) throws CampusLabException {
        return new Access(opening.enter(id, port == null || port.isBlank() ? null : port)
                .address(io.campuslab.web.lab.OpenLabServlet.scheme(request), io.campuslab.web.lab.OpenLabServlet.host(request),
                        request.getServerPort()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Stop a lab: one's own, or any of the school for its admin; the workspace stays")
    @APIResponse(responseCode = "200", description = "The lab, stopping or stopped")
    @APIResponse(responseCode = "404", description = "No such lab the caller may stop")
    public LabView stop(@PathParam("id") long id) throws CampusLabException {
        return labs.stop(id);
    }
}
