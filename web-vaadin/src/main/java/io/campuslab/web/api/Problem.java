package io.campuslab.web.api;

import jakarta.ws.rs.core.Response;

/** An error body after RFC 9457 ({@code application/problem+json}), with CampusLab's message key. */
public record Problem(String type, String title, int status, String detail, String key) {

    static final String MEDIA_TYPE = "application/problem+json";

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
