package io.campuslab.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The portal's REST API and database as the system tests reach them. */
public final class PortalApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PortalApi() {
    }

    /** A call with JSON in and out; {@code token} and {@code json} may be null. */
    public static HttpResponse<String> send(String method, String path, String token, String json, String language) throws Exception {
        return send(StackExtension.settings().portalPort(), method, path, token, json, language);
    }

    /** A call to the portal node on {@code port}, with JSON in and out. */
    public static HttpResponse<String> send(int port, String method, String path, String token, String json, String language)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return send(method, path, token, json, "en");
    }

    /** A call with a raw body of the given type (an image, a zip), answered as text. */
    public static HttpResponse<String> sendBytes(String method, String path, String token, String type, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + StackExtension.settings().portalPort() + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A call whose body goes in chunks without a declared length, as a stream would send it. */
    public static HttpResponse<String> sendStream(String method, String path, String token, String type, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + StackExtension.settings().portalPort() + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose answer is bytes, such as a picture. */
    public static HttpResponse<byte[]> fetchBytes(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + StackExtension.settings().portalPort() + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A token of a member who has signed in once (services find the caller among the members). */
    public static String signedIn(String username) throws Exception {
        String token = Tokens.of(username);
        assertThat(send("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(200);
        return token;
    }

    /** The one number a query with one text parameter answers, such as a count or an id. */
    public static long queryLong(String sql, String parameter) throws SQLException {
        try (Connection db = database(); java.sql.PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (java.sql.ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public static Connection database() throws SQLException {
        return DriverManager.getConnection(StackExtension.settings().databaseUrl(), "campuslab", "campuslab");
    }

    /** "school ROLES provider" of the member of that user name (roles in order, comma separated), or "none". */
    public static String memberSummary(String username) throws SQLException {
        try (Connection db = database(); java.sql.PreparedStatement query = db.prepareStatement(
                "SELECT t.slug, GROUP_CONCAT(r.role ORDER BY r.role), m.sign_in_provider FROM members m"
                        + " LEFT JOIN tenants t ON t.id = m.tenant_id LEFT JOIN member_roles r ON r.member_id = m.id"
                        + " WHERE m.username = ? GROUP BY m.id, t.slug, m.sign_in_provider")) {
            query.setString(1, username);
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) + " " + row.getString(2) + " " + row.getString(3) : "none";
            }
        }
    }
}
