package io.campuslab.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API root. Its OpenAPI document is served by the server at {@code /openapi}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "CampusLab API", version = "1",
                description = "Labs, schools and classes of CampusLab. Every call needs a bearer token from the school's Keycloak realm."),
        security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ApiApplication extends Application {
}
