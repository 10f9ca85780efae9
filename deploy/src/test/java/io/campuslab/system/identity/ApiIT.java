package io.campuslab.system.identity;

import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Tokens;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The REST API and the EJB layer under it on a managed WildFly with a real MariaDB and real
 * Keycloak tokens: members are created just in time, and every role and school boundary holds.
 */
@SystemTest
class ApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void firstCallCreatesTheMemberFromTheToken() throws Exception {
        HttpResponse<String> me = get("/api/v1/me", Tokens.of("sue"), "en");

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("username").asText()).isEqualTo("sue");
        assertThat(body.path("tenant").asText()).isEqualTo("north-high");
        assertThat(body.path("school").asText()).isEqualTo("North High School");
        assertThat(body.path("roles").toString()).isEqualTo("[\"student\"]");

        try (Connection db = database();
             PreparedStatement query = db.prepareStatement("select m.display_name, t.slug, r.role from members m"
                     + " join tenants t on t.id = m.tenant_id join member_roles r on r.member_id = m.id where m.username = ?")) {
            query.setString(1, "sue");
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("member row for sue").isTrue();
                assertThat(row.getString(1)).isEqualTo("Sue Student");
                assertThat(row.getString(2)).isEqualTo("north-high");
                assertThat(row.getString(3)).isEqualTo("STUDENT");
            }
        }
    }

    @Test
    void recycledUserNameNeverInheritsAnotherAccountsMember() throws Exception {
        // A person of the test's own, whom no other test signs in: the planted member must come first
        KeycloakAdmin.createPerson("rita", "teacher", "south-academy");
        long staleId;
        try (Connection db = database();
             PreparedStatement insert = db.prepareStatement("insert into members (subject, username, display_name,"
                     + " created_at, last_sign_in_at, version) values ('deleted-account', 'rita', 'Former Rita',"
                     + " now(6), now(6), 0)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                staleId = keys.getLong(1);
            }
        }

        HttpResponse<String> me = get("/api/v1/me", Tokens.of("rita"), "en");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("displayName").asText()).isEqualTo("rita Test");
        try (Connection db = database();
             PreparedStatement query = db.prepareStatement("select username, subject from members where id = ?")) {
            query.setLong(1, staleId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("rita~" + staleId);
                assertThat(row.getString(2)).isEqualTo("deleted-account");
            }
        }
    }

    @Test
    void callWithoutTokenIsUnauthorized() throws Exception {
        assertThat(get("/api/v1/me", null, "en").statusCode()).isEqualTo(401);
    }

    @Test
    void onlyThePlatformAdminListsAllSchools() throws Exception {
        HttpResponse<String> operator = get("/api/v1/schools", signedIn("operator"), "en");
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("north-high", "south-academy");

        HttpResponse<String> student = get("/api/v1/schools", signedIn("sam"), "en");
        assertThat(student.statusCode()).isEqualTo(403);
        assertThat(student.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(student.body()).path("key").asText()).isEqualTo("error.not-permitted");
    }

    @Test
    void schoolAdminsReadTheirOwnSchoolOnly() throws Exception {
        HttpResponse<String> alice = get("/api/v1/schools/north-high", signedIn("alice"), "en");
        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(alice.body()).path("name").asText()).isEqualTo("North High School");

        HttpResponse<String> bob = get("/api/v1/schools/north-high", signedIn("bob"), "zh-CN");
        assertThat(bob.statusCode()).isEqualTo(403);
        assertThat(bob.body()).doesNotContain("North High School");
        assertThat(JSON.readTree(bob.body()).path("detail").asText()).contains("您无权打开此页面");

        assertThat(get("/api/v1/schools/north-high", signedIn("sam"), "en").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/schools/no-such-school", signedIn("operator"), "en").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path, String token, String language) throws Exception {
        return send("GET", path, token, null, language);
    }
}
