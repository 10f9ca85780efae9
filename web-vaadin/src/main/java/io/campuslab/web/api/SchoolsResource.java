package io.campuslab.web.api;

import io.campuslab.core.identity.ImportedPerson;
import io.campuslab.core.identity.NewMember;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.tenant.SchoolOnboarding;
import io.campuslab.core.tenant.SchoolQuota;
import io.campuslab.core.tenant.SchoolSummary;
import io.campuslab.core.tenant.SchoolTerm;
import io.campuslab.core.tenant.TenantService;
import io.campuslab.domain.identity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Schools. Who may read or change what is decided by the services underneath, exactly as for the
 * UI: the platform admin lists, onboards and changes schools, a school's staff read their own.
 */
@Path("schools")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SchoolsResource {

    @Inject
    TenantService tenants;

    @Inject
    SchoolOnboarding onboarding;

    @Context
    UriInfo uri;

    /** A school just onboarded, with its first admin's one-time password (shown only in this answer). */
    public record OnboardedSchool(String slug, String name, String status, String namespace, Map<String, Long> members,
                                  ImportedPerson firstAdmin) {

        static OnboardedSchool of(School school, ImportedPerson firstAdmin) {
            return new OnboardedSchool(school.slug(), school.name(), school.status(), school.namespace(), school.members(),
                    firstAdmin);
        }
    }

    @GET
    @Operation(summary = "Every school on the platform (platform admins)")
    @APIResponse(responseCode = "200", description = "The schools")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    public List<School> list() {
        return tenants.listSchools().stream().map(School::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard a school: its group in Keycloak, its records, default quota and optional first admin, all or nothing")
    @APIResponse(responseCode = "201", description = "The new school")
    @APIResponse(responseCode = "400", description = "Invalid short name or name")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    @APIResponse(responseCode = "409", description = "A school of that short name exists")
    @APIResponse(responseCode = "503", description = "Keycloak did not answer; nothing was created")
    public Response onboard(NewSchool school) throws CampusLabException {
        if (school == null) {
            throw new InvalidInputException("error.school.slug-invalid", "");
        }
        NewMember admin = school.firstAdmin() == null ? null : new NewMember(school.firstAdmin().username(),
                school.firstAdmin().name(), school.firstAdmin().email(), "", Role.TENANT_ADMIN);
        SchoolOnboarding.Onboarded onboarded = onboarding.onboard(school.slug(), school.name(), admin);
        School created = School.of(onboarded.school());
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build())
                .entity(OnboardedSchool.of(created, onboarded.firstAdmin().orElse(null))).build();
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename, suspend or resume a school (platform admins)")
    @APIResponse(responseCode = "200", description = "The school after the change")
    @APIResponse(responseCode = "400", description = "Invalid name or status")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    @APIResponse(responseCode = "404", description = "No such school")
    public School change(@PathParam("slug") String slug, SchoolChange change) throws CampusLabException {
        if (change == null || (change.name() == null && change.status() == null)) {
            throw new InvalidInputException("error.school.change-empty");
        }
        SchoolSummary result = null;
        if (change.name() != null) {
            result = tenants.rename(slug, change.name());
        }
        if (change.status() != null) {
            result = switch (change.status()) {
                case "ACTIVE" -> tenants.resume(slug);
                case "SUSPENDED" -> tenants.suspend(slug);
                default -> throw new InvalidInputException("error.school.status-invalid", change.status());
            };
        }
        return School.of(result);
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

    @GET
    @Path("{slug}/quota")
    @Operation(summary = "A school's quota: GPUs in total and per resource key, CPU cores, memory, labs, storage, GPU-hours a month")
    @APIResponse(responseCode = "403", description = "Neither the platform admin nor a teacher or admin of the school")
    public SchoolQuota quota(@PathParam("slug") String slug) throws CampusLabException {
        return tenants.quota(slug);
    }

    @PUT
    @Path("{slug}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a school's quota (platform admin); the school's namespace on the cluster follows at the next pass")
    @APIResponse(responseCode = "400", description = "A negative value, an unknown GPU key, or more GPUs of a key than in total")
    public SchoolQuota changeQuota(@PathParam("slug") String slug, SchoolQuota quota) throws CampusLabException {
        return tenants.changeQuota(slug, quota);
    }

    @GET
    @Path("{slug}/term")
    @Operation(summary = "A school's current term; both days null when it set none")
    @APIResponse(responseCode = "403", description = "Neither the platform admin nor a teacher or admin of the school")
    public SchoolTerm term(@PathParam("slug") String slug) throws CampusLabException {
        return tenants.term(slug);
    }

    @PUT
    @Path("{slug}/term")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the school's term (its admins, the platform admin); both days null for none. "
            + "Students' GPU-hour budgets per term count from its first day")
    @APIResponse(responseCode = "400", description = "The last day before the first, or a term longer than 400 days")
    public SchoolTerm changeTerm(@PathParam("slug") String slug, SchoolTerm term) throws CampusLabException {
        return tenants.changeTerm(slug, term == null ? null : term.starts(), term == null ? null : term.ends());
    }
}
