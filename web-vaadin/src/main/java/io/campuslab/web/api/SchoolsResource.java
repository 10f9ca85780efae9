package io.campuslab.web.api;

import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.tenant.TenantService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Schools. Who may read what is decided by the service underneath, exactly as for the UI: the
 * platform admin lists every school, a school's staff read their own.
 */
@Path("schools")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SchoolsResource {

    @Inject
    TenantService tenants;

    @GET
    @Operation(summary = "Every school on the platform (platform admins)")
    @APIResponse(responseCode = "200", description = "The schools")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    public List<School> list() {
        return tenants.listSchools().stream().map(School::of).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One school (its teachers and admins, and platform admins)")
    @APIResponse(responseCode = "200", description = "The school")
    @APIResponse(responseCode = "403", description = "Another school's, or a student asking")
    @APIResponse(responseCode = "404", description = "No such school")
    public School get(@PathParam("slug") String slug) throws NotFoundException, NotPermittedException {
        return School.of(tenants.schoolSummary(slug));
    }
}
