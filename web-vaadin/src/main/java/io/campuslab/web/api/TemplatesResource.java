package io.campuslab.web.api;

import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The lab catalog of the caller's school. */
@Path("templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    @Inject
    CatalogService catalog;

    @Context
    UriInfo uri;

    /** Whether a global template is offered in the school. */
    public record Offer(Boolean offered) {
    }

    @GET
    @Operation(summary = "The templates the caller may start")
    public List<CatalogItem> offered() throws CampusLabException {
        return catalog.offered();
    }

    @GET
    @Path("all")
    @Operation(summary = "Every template the school could offer, with whether it does (school admins)")
    @APIResponse(responseCode = "403", description = "Not a school admin")
    public List<CatalogItem> all() throws CampusLabException {
        return catalog.schoolCatalog();
    }

    @PUT
    @Path("{name}/offered")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offer a global template in the school, or stop offering it (school admins)")
    @APIResponse(responseCode = "404", description = "No such template in the school's catalog")
    public CatalogItem offer(@PathParam("name") String name, Offer offer) throws CampusLabException {
        if (offer == null || offer.offered() == null) {
            throw new InvalidInputException("error.template.offered-missing");
        }
        return catalog.setOffered(name, offer.offered());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a template of the school's own (school admins)")
    @APIResponse(responseCode = "201", description = "The new template")
    @APIResponse(responseCode = "400", description = "A rule is broken: image reference, port names, resources ...")
    @APIResponse(responseCode = "409", description = "A template of that name exists")
    public Response add(TemplateInput input) throws CampusLabException {
        if (input == null) {
            throw new InvalidInputException("error.template.name-invalid", "");
        }
        CatalogItem created = catalog.addOwn(input.toDefinition());
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }
}
