package io.campuslab.web.api;

import io.campuslab.core.course.CourseDraft;
import io.campuslab.core.course.CourseMaterial;
import io.campuslab.core.course.CourseService;
import io.campuslab.core.course.CourseSummary;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.storage.StoredFile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The courses of the caller's school and their material. */
@Path("courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CoursesResource {

    @Inject
    CourseService courses;

    @Context
    HttpHeaders headers;

    @Inject
    CourseMaterial material;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The school's courses")
    public List<CourseSummary> list() throws CampusLabException {
        return courses.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a course (school admins): name, title, level, description, defaultTemplate, teachers")
    @APIResponse(responseCode = "201", description = "The new course")
    public Response create(CourseDraft draft) throws CampusLabException {
        CourseSummary created = courses.create(require(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a course's title, level, description, default template and teachers (school admins)")
    public CourseSummary update(@PathParam("name") String name, CourseDraft draft) throws CampusLabException {
        return courses.update(name, require(draft));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a course and its material (school admins)")
    public Response delete(@PathParam("name") String name) throws CampusLabException {
        material.deleteCourse(name);
        return Response.noContent().build();
    }

    @PUT
    @Path("{name}/material")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Replace the course's material by the contents of a zip (school admins and the course's teachers)")
    @APIResponse(responseCode = "400", description = "The archive was refused; the previous material is unchanged")
    public CourseSummary replaceMaterial(@PathParam("name") String name, InputStream zip) throws CampusLabException, IOException {
        return replace(name, zip);
    }

    @POST
    @Path("{name}/material")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RightsBeforeBody
    @Operation(summary = "The same as PUT, as a form upload with the zip in the part \"file\"")
    public CourseSummary uploadMaterial(@PathParam("name") String name, @FormParam("file") EntityPart file)
            throws CampusLabException, IOException {
        if (file == null) {
            throw new InvalidInputException("error.upload.not-a-zip");
        }
        try (InputStream zip = file.getContent()) {
            return replace(name, zip);
        }
    }

    @GET
    @Path("{name}/material")
    @Operation(summary = "The files of the course's material")
    public List<StoredFile> files(@PathParam("name") String name) throws CampusLabException {
        return courses.material(name);
    }

    /** Rights first (who may change this course, and how much it may take), then the body. */
    private CourseSummary replace(String name, InputStream zip) throws CampusLabException, IOException {
        long limit = courses.uploadTarget(name).limits().maxUploadBytes();
        java.nio.file.Path archive = UploadBody.toTempFile(zip, headers, limit, "course-upload");
        try {
            return material.replaceMaterial(name, archive);
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private static CourseDraft require(CourseDraft draft) throws InvalidInputException {
        if (draft == null) {
            throw new InvalidInputException("error.course.description-invalid");
        }
        return draft;
    }
}
