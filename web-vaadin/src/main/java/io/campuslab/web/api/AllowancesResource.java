package io.campuslab.web.api;

import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.quota.AllowanceService;
import io.campuslab.core.quota.SchoolAllowances;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.quota.Allowance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What the school's students and teachers may ask for (school admins): the default of each role
 * and overrides for single members. A value left out (null) sets no limit of its own.
 */
@Path("allowances")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AllowancesResource {

    @Inject
    AllowanceService allowances;

    @GET
    @Operation(summary = "The school's allowances: students, teachers, and the members' overrides (school admins: all; "
            + "teachers: their students')")
    @APIResponse(responseCode = "403", description = "Neither a school admin nor a teacher")
    public SchoolAllowances list() throws CampusLabException {
        return allowances.list();
    }

    @PUT
    @Path("roles/{role}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the default of students or teachers: maxCpuMillis, maxMemoryMib, maxGpus, labsAtOnce, gpuHoursPerMonth")
    @APIResponse(responseCode = "400", description = "Beyond the school's quota, or not students or teachers")
    public SchoolAllowances setForRole(@PathParam("role") String role, Allowance allowance) throws CampusLabException {
        Role which = switch (role) {
            case "students", "student" -> Role.STUDENT;
            case "teachers", "teacher" -> Role.TEACHER;
            default -> throw new InvalidInputException("error.allowance.role");
        };
        allowances.setForRole(which, allowance == null ? Allowance.UNSET : allowance);
        return allowances.list();
    }

    @PUT
    @Path("members/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set one member's override (a teacher: of a student on their rosters); values left out come from the member's role")
    @APIResponse(responseCode = "400", description = "Beyond the school's quota")
    @APIResponse(responseCode = "404", description = "No such member of the school (for a teacher: none of their students)")
    public SchoolAllowances setForMember(@PathParam("username") String username, Allowance allowance) throws CampusLabException {
        allowances.setForMember(username, allowance == null ? Allowance.UNSET : allowance);
        return allowances.list();
    }

    @DELETE
    @Path("members/{username}")
    @Operation(summary = "Remove a member's override: the role's default holds again")
    @APIResponse(responseCode = "404", description = "No such member of the school")
    public SchoolAllowances removeForMember(@PathParam("username") String username) throws CampusLabException {
        allowances.removeForMember(username);
        return allowances.list();
    }
}
