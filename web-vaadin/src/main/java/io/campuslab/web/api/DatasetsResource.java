package io.campuslab.web.api;

import io.campuslab.core.dataset.DatasetService;
import io.campuslab.core.dataset.DatasetSummary;
import io.campuslab.core.dataset.DatasetUploads;
import io.campuslab.core.storage.StoredFile;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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

/** Datasets of the caller's school and the global ones; files are uploaded as one zip. */
@Path("datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DatasetsResource {

    @Inject
    DatasetService datasets;

    @Inject
    DatasetUploads uploads;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The datasets the caller's labs can read")
    public List<DatasetSummary> list() throws CampusLabException {
        return datasets.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a dataset of the school (school admins) or a global one (platform admins)")
    @APIResponse(responseCode = "201", description = "The new dataset, without files yet")
    @APIResponse(responseCode = "409", description = "A dataset of that name exists")
    public Response create(NewDataset dataset) throws CampusLabException {
        if (dataset == null) {
            throw new InvalidInputException("error.dataset.name-invalid", "");
        }
        DatasetSummary created = datasets.create(dataset.name(), dataset.displayName(), dataset.description());
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a dataset's title and description; its name stays")
    @APIResponse(responseCode = "200", description = "The dataset after the change")
    @APIResponse(responseCode = "403", description = "A global dataset, for a school admin")
    public DatasetSummary update(@PathParam("name") String name, NewDataset dataset) throws CampusLabException {
        if (dataset == null) {
            throw new InvalidInputException("error.dataset.display-name-invalid");
        }
        return datasets.update(name, dataset.displayName(), dataset.description());
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a dataset with its files")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("name") String name) throws CampusLabException {
        uploads.deleteDataset(name);
    }

    @PUT
    @Path("{name}/files")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Replace the dataset's files by the contents of a zip (the request body)")
    @APIResponse(responseCode = "200", description = "The dataset with its new files")
    @APIResponse(responseCode = "400", description = "The archive was refused; the previous files are unchanged")
    public DatasetSummary replaceFiles(@PathParam("name") String name, InputStream zip) throws CampusLabException, IOException {
        long limit = datasets.uploadTarget(name).limits().maxUploadBytes();
        java.nio.file.Path archive = UploadBody.toTempFile(zip, headers, limit, "dataset-upload");
        try {
            return uploads.replaceFiles(name, archive);
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    @GET
    @Path("{name}/files")
    @Operation(summary = "The files of a dataset, with their sizes")
    @APIResponse(responseCode = "404", description = "No such dataset visible to the caller")
    public List<StoredFile> files(@PathParam("name") String name) throws CampusLabException {
        return datasets.files(name);
    }
}
