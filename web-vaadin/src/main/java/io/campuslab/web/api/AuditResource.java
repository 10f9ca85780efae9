package io.campuslab.web.api;

import io.campuslab.core.audit.AuditEntry;
import io.campuslab.core.audit.AuditService;
import io.campuslab.core.platform.NotPermittedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The audit log, newest first: the caller's school for school admins, everything for the operator. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Operation(summary = "Audit events, newest first, paged (at most 500 per page)")
    @APIResponse(responseCode = "200", description = "The events")
    @APIResponse(responseCode = "403", description = "Neither a school admin nor the platform admin")
    public List<AuditEntry> list(@QueryParam("first") @DefaultValue("0") int first,
                                 @QueryParam("max") @DefaultValue("50") int max) throws NotPermittedException {
        return audit.recent(first, max);
    }
}
