package io.campuslab.web.api;

import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.tenant.SchoolSummary;
import io.campuslab.core.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Whether the caller's school lets its admins open students' labs: the school admin's own choice. */
@Path("school/lab-access")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolLabAccessResource {

    @Inject
    TenantService tenants;

    /** The body of a change. */
    public record LabAccess(Boolean adminsOpenLabs) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Let the school's admins open any lab of the school, or stop it (school admins; audited,"
            + " and every visit is shown to the student)")
    public SchoolSummary change(LabAccess change) throws CampusLabException {
        if (change == null || change.adminsOpenLabs() == null) {
            throw new io.campuslab.core.platform.InvalidInputException("error.school.admins-open-labs-missing");
        }
        return tenants.letAdminsOpenLabs(change.adminsOpenLabs());
    }
}
