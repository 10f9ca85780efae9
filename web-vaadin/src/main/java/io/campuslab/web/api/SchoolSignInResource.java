package io.campuslab.web.api;

import io.campuslab.core.identity.LdapDirectoryDraft;
import io.campuslab.core.identity.OidcProviderDraft;
import io.campuslab.core.identity.ProviderSummary;
import io.campuslab.core.identity.SchoolSignIn;
import io.campuslab.core.identity.SchoolSignInService;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.domain.identity.Role;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * How a school's people sign in: its own identity provider and its e-mail domains. The operator
 * reaches every school, a school admin their own (another school is "not found").
 */
@Path("schools/{slug}/sign-in")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SchoolSignInResource {

    @Inject
    SchoolSignInService signIn;

    /** An OpenID Connect provider as entered; {@code defaultRole} is {@code student} (the default) or {@code teacher}. */
    public record OidcInput(String name, String issuer, String clientId, String clientSecret, String usernameClaim,
                            String roleClaim, String teacherValue, String adminValue, String defaultRole) {

        @Override
        public String toString() {
            return "OidcInput[" + name + ", " + issuer + ", " + clientId + "]";
        }
    }

    /**
     * A SAML 2.0 provider as entered: its metadata by address or as XML; {@code usernameAttribute} empty
     * names people by the assertion's subject.
     */
    public record SamlInput(String name, String metadataUrl, String metadataXml, String usernameAttribute,
                            String roleAttribute, String teacherValue, String adminValue, String defaultRole) {
    }

    /**
     * An LDAP or Active Directory directory as entered: {@code url} is {@code ldaps://host:port} (or
     * {@code ldap://} with {@code startTls}); {@code usernameAttribute} empty is {@code uid}, or
     * {@code sAMAccountName} for Active Directory; roles come from the groups below {@code groupsDn}.
     */
    public record LdapInput(String name, String url, Boolean activeDirectory, Boolean startTls, String bindDn,
                            String bindPassword, String usersDn, String usernameAttribute, String userFilter, String groupsDn,
                            String teacherGroup, String adminGroup, String defaultRole) {

        @Override
        public String toString() {
            return "LdapInput[" + name + ", " + url + ", " + bindDn + "]";
        }
    }

    /** The school's e-mail domains, all of them. */
    public record EmailDomains(List<String> domains) {
    }

    @GET
    @Operation(summary = "The school's identity providers and e-mail domains (platform admins; the school's admins)")
    @APIResponse(responseCode = "200", description = "How the school signs in")
    @APIResponse(responseCode = "404", description = "No such school, or another school than the caller's")
    public SchoolSignIn get(@PathParam("slug") String slug) throws CampusLabException {
        return signIn.of(slug);
    }

    @PUT
    @Path("oidc")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect the school's OpenID Connect provider, or set it anew: whoever signs in through it"
            + " belongs to this school only, with the role its claims give (platform admins; the school's admins; audited)")
    @APIResponse(responseCode = "200", description = "The connected provider (never its secret)")
    @APIResponse(responseCode = "400", description = "Invalid input, or the provider's discovery document cannot be read or names another issuer")
    @APIResponse(responseCode = "404", description = "No such school, or another school than the caller's")
    @APIResponse(responseCode = "503", description = "Keycloak did not answer; nothing was connected")
    public ProviderSummary connectOidc(@PathParam("slug") String slug, OidcInput input) throws CampusLabException {
        if (input == null) {
            throw new InvalidInputException("error.sign-in.issuer-invalid", "");
        }
        Role defaultRole = defaultRole(input.defaultRole());
        return signIn.connectOidc(slug, new OidcProviderDraft(input.name(), input.issuer(), input.clientId(),
                input.clientSecret(), input.usernameClaim(), input.roleClaim(), input.teacherValue(), input.adminValue(),
                defaultRole));
    }

    @PUT
    @Path("saml")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect the school's SAML 2.0 provider from its metadata, or set it anew: whoever signs in through"
            + " it belongs to this school only, with the role its attributes give (platform admins; the school's admins; audited)")
    @APIResponse(responseCode = "200", description = "The connected provider")
    @APIResponse(responseCode = "400", description = "Invalid input, or metadata Keycloak cannot read")
    @APIResponse(responseCode = "404", description = "No such school, or another school than the caller's")
    @APIResponse(responseCode = "503", description = "Keycloak did not answer; nothing was connected")
    public ProviderSummary connectSaml(@PathParam("slug") String slug, SamlInput input) throws CampusLabException {
        if (input == null) {
            throw new InvalidInputException("error.sign-in.metadata-missing");
        }
        return signIn.connectSaml(slug, new io.campuslab.core.identity.SamlProviderDraft(input.name(), input.metadataUrl(),
                input.metadataXml(), input.usernameAttribute(), input.roleAttribute(), input.teacherValue(), input.adminValue(),
                defaultRole(input.defaultRole())));
    }

    @PUT
    @Path("ldap")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect the school's LDAP or Active Directory directory (read only), or set it anew: its people"
            + " sign in with their directory password, belong to this school only, and take the role their groups give"
            + " (platform admins; the school's admins; audited)")
    @APIResponse(responseCode = "200", description = "The connected directory (never the reading account's password)")
    @APIResponse(responseCode = "400", description = "Invalid input, or the directory cannot be reached or refuses the reading account")
    @APIResponse(responseCode = "404", description = "No such school, or another school than the caller's")
    @APIResponse(responseCode = "409", description = "The operator has not enabled directories")
    @APIResponse(responseCode = "503", description = "Keycloak did not answer; nothing was connected")
    public ProviderSummary connectLdap(@PathParam("slug") String slug, LdapInput input) throws CampusLabException {
        if (input == null) {
            throw new InvalidInputException("error.sign-in.directory-url-invalid", "");
        }
        return signIn.connectLdap(slug, new LdapDirectoryDraft(input.name(), input.url(), Boolean.TRUE.equals(input.activeDirectory()),
                Boolean.TRUE.equals(input.startTls()), input.bindDn(), input.bindPassword(), input.usersDn(),
                input.usernameAttribute(), input.userFilter(), input.groupsDn(), input.teacherGroup(), input.adminGroup(),
                defaultRole(input.defaultRole())));
    }

    private static Role defaultRole(String given) throws InvalidInputException {
        return given == null || given.isBlank() ? Role.STUDENT
                : Role.ofRealmName(given.strip()).orElseThrow(() -> new InvalidInputException("error.sign-in.default-role-invalid"));
    }

    @DELETE
    @Path("{kind: oidc|saml|ldap}")
    @Operation(summary = "Remove the school's provider of that kind; its people keep their accounts (platform admins;"
            + " the school's admins; audited)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such provider, school, or another school than the caller's")
    public Response disconnect(@PathParam("slug") String slug, @PathParam("kind") String kind) throws CampusLabException {
        signIn.disconnect(slug, kind);
        return Response.noContent().build();
    }

    @PUT
    @Path("email-domains")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the e-mail domains that send people straight to the school's sign-in (platform admins;"
            + " a domain belongs to one school; audited)")
    @APIResponse(responseCode = "200", description = "How the school signs in now")
    @APIResponse(responseCode = "400", description = "A malformed domain, or too many")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    @APIResponse(responseCode = "409", description = "A domain belongs to another school")
    public SchoolSignIn changeEmailDomains(@PathParam("slug") String slug, EmailDomains input) throws CampusLabException {
        return signIn.changeEmailDomains(slug, input == null ? null : input.domains());
    }
}
