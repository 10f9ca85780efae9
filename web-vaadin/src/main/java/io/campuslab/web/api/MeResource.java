package io.campuslab.web.api;

import io.campuslab.core.account.WorkspaceArchive;
import io.campuslab.core.identity.MemberService;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.identity.SignInRefusedException;
import io.campuslab.web.security.TokenIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Who the caller is, as CampusLab records them. */
@Path("me")
@RequestScoped
public class MeResource {

    @Inject
    MemberService members;

    @Inject
    WorkspaceArchive archive;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller: user name, school and roles")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "A person CampusLab cannot admit (no school, no role)")
    public Me me() throws SignInRefusedException {
        var identity = TokenIdentity.of(request).orElseThrow(() -> new NotAuthorizedException("Bearer"));
        return Me.of(members.recognize(identity));
    }

    @GET
    @Path("workspace")
    @Produces("application/zip")
    @Operation(summary = "The caller's workspace as a zip, one folder per template (host storage; no lab of theirs"
            + " running); also for a member the school removed, until their deletion")
    @APIResponse(responseCode = "200", description = "The zip, streamed")
    @APIResponse(responseCode = "400", description = "Workspaces are in cluster storage")
    @APIResponse(responseCode = "409", description = "A lab of the caller is running")
    public Response workspace() throws CampusLabException {
        var folders = archive.own();
        StreamingOutput body = out -> folders.writeZip(out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + folders.archiveName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
