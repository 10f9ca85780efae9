package io.campuslab.web.api;

import io.campuslab.core.catalog.CatalogItem;
import io.campuslab.core.catalog.CatalogService;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.domain.catalog.TemplateDefinition;
import java.io.IOException;
import java.io.InputStream;
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
    @Operation(summary = "Add a template: of the school's own (school admins) or global (platform admins)")
    @APIResponse(responseCode = "201", description = "The new template")
    @APIResponse(responseCode = "400", description = "A rule is broken: image reference, port names, resources, mounts ...")
    @APIResponse(responseCode = "409", description = "A template of that name exists")
    public Response add(TemplateInput input) throws CampusLabException {
        if (input == null) {
            throw new InvalidInputException("error.template.name-invalid", "");
        }
        CatalogItem created = catalog.add(input.toDefinition());
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "The full definition of a template the caller may change, as PUT takes it")
    @APIResponse(responseCode = "403", description = "Another owner's template: a school's own for the platform admin, a global one for a school admin")
    @APIResponse(responseCode = "404", description = "No such template in the caller's catalog")
    public TemplateInput definition(@PathParam("name") String name) throws CampusLabException {
        return TemplateInput.of(catalog.definition(name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a template the caller may change; its name stays")
    @APIResponse(responseCode = "400", description = "A rule is broken, or the body names another template")
    public CatalogItem update(@PathParam("name") String name, TemplateInput input) throws CampusLabException {
        if (input == null || (input.name() != null && !input.name().equals(name))) {
            throw new InvalidInputException("error.template.name-fixed", name);
        }
        TemplateDefinition definition = input.toDefinition();
        return catalog.update(new TemplateDefinition(name, definition.displayName(), definition.description(),
                definition.icon(), definition.cpuImage(), definition.gpuImages(), definition.command(), definition.args(),
                definition.ports(), definition.workspacePath(), definition.shmMib(), definition.defaultResources(),
                definition.maxResources(), definition.developmentInfo(), definition.mounts(), definition.runAs()));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a template the caller may change")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("name") String name) throws CampusLabException {
        catalog.delete(name);
    }

    @GET
    @Path("{name}/icon")
    @Produces({"image/png", "image/jpeg", "image/gif", "image/webp"})
    @Operation(summary = "The picture uploaded for a template")
    @APIResponse(responseCode = "404", description = "The template has no uploaded picture")
    public Response icon(@PathParam("name") String name) throws CampusLabException {
        CatalogService.Icon icon = catalog.icon(name).orElseThrow(() -> new NotFoundException("icon", name));
        return Response.ok(icon.image(), icon.contentType()).lastModified(java.util.Date.from(icon.updatedAt())).build();
    }

    @PUT
    @Path("{name}/icon")
    @Consumes({"image/png", "image/jpeg", "image/gif", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a template's picture: PNG, JPEG, GIF or WebP, at most 256 KiB")
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "400", description = "Not such an image, or too large")
    public void setIcon(@PathParam("name") String name, InputStream body) throws CampusLabException, IOException {
        byte[] image = body.readNBytes(CatalogService.Icon.MAX_BYTES + 1);
        catalog.setIcon(name, image);
    }
}
