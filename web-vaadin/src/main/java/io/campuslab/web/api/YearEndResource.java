package io.campuslab.web.api;

import io.campuslab.core.account.ClassListMove;
import io.campuslab.core.account.YearEnd;
import io.campuslab.core.account.YearEndPlan;
import io.campuslab.core.account.YearEndPreview;
import io.campuslab.core.platform.CampusLabException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The end of a school year in the caller's school: its classes, a preview of a plan, the plan done. */
@Path("school/year-end")
@Produces(MediaType.APPLICATION_JSON)
public class YearEndResource {

    @Inject
    YearEnd yearEnd;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "The school's classes of students with their counts, and its classrooms in use (school admins)")
    public YearEndPreview classes() throws CampusLabException {
        return yearEnd.classes();
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a plan would do: students moved up, graduates (deleted after the grace period), classrooms"
            + " archived, sessions ended; nothing changes (school admins)")
    @APIResponse(responseCode = "400", description = "An unknown class, a class named twice, a graduating class with a next"
            + " class, an invalid label or class name")
    public YearEndPreview preview(YearEndPlan plan) throws CampusLabException {
        return yearEnd.preview(plan);
    }

    @POST
    @Path("class-list")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Next year's class list (CSV: username,name,class): each student listed takes the class it gives;"
            + " with preview=true only check every row; otherwise all rows or none (school admins; audited)")
    @APIResponse(responseCode = "200", description = "Each row with the student's class now and next; how many move")
    @APIResponse(responseCode = "400", description = "Some rows have problems; nothing changed")
    @APIResponse(responseCode = "413", description = "The list is larger than a class list can be (1 MiB)")
    public ClassListMove classList(@QueryParam("preview") @DefaultValue("false") boolean preview, InputStream body)
            throws CampusLabException, IOException {
        byte[] csv = UploadBody.bytes(body, headers, yearEnd.classListLimit());
        return preview ? yearEnd.previewClassList(csv) : yearEnd.applyClassList(csv);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End the school year as planned, all at once (school admins; audited)")
    @APIResponse(responseCode = "200", description = "What was done")
    @APIResponse(responseCode = "400", description = "As for the preview; nothing changed")
    public YearEndPreview apply(YearEndPlan plan) throws CampusLabException {
        return yearEnd.apply(plan);
    }
}
