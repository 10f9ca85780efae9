package io.campuslab.system.identity;

import static io.campuslab.system.PortalApi.queryLong;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A school's own identity provider, through the API: who may connect it, what bad input gets, what
 * Keycloak holds afterwards, and the open addresses that send a person to their school's sign-in.
 * The realm {@code west-side-idp} of the same Keycloak plays the schools' OpenID provider.
 */
@SystemTest
class SchoolSignInIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static String issuer() {
        return "http://localhost:" + StackExtension.settings().keycloakPort() + "/realms/west-side-idp";
    }

    private static String provider(String name, String issuer, String secret) {
        return """
                {"name": "%s", "issuer": "%s", "clientId": "campuslab", "clientSecret": "%s",
                 "roleClaim": "roles", "teacherValue": "staff", "adminValue": "it-admins"}
                """.formatted(name, issuer, secret);
    }

    @Test
    void theDemoSchoolSignsInThroughItsOwnProviderAndOnlyItsAdminsAndTheOperatorSeeIt() throws Exception {
        JsonNode westSide = JSON.readTree(send("GET", "/api/v1/schools/west-side/sign-in", signedIn("operator"), null).body());
        assertThat(westSide.path("providers").path(0).path("alias").asText()).isEqualTo("west-side-oidc");
        assertThat(westSide.path("providers").path(0).path("roleClaim").asText()).isEqualTo("roles");
        assertThat(westSide.path("providers").path(0).has("clientSecret")).as("never the secret").isFalse();
        assertThat(westSide.path("emailDomains").toString()).isEqualTo("[\"westside.example\"]");

        String alice = signedIn("alice");
        assertThat(send("GET", "/api/v1/schools/west-side/sign-in", alice, null).statusCode())
                .as("another school's admin").isEqualTo(404);
        assertThat(send("GET", "/api/v1/schools/north-high/sign-in", alice, null).body()).contains("\"providers\":[]");
        assertThat(send("GET", "/api/v1/schools/north-high/sign-in", signedIn("tom"), null).statusCode())
                .as("a teacher").isEqualTo(403);
        assertThat(send("GET", "/api/v1/schools/north-high/sign-in", signedIn("sam"), null).statusCode())
                .as("a student").isEqualTo(403);
        assertThat(send("GET", "/api/v1/schools/nope-" + "x".repeat(60) + "/sign-in", alice, null).statusCode())
                .as("a malformed slug").isEqualTo(404);
    }

    @Test
    void badInputIsRefusedInTheCallersLanguageAndConnectsNothing() throws Exception {
        String alice = signedIn("alice");
        String path = "/api/v1/schools/north-high/sign-in/oidc";
        List<String> refused = new ArrayList<>();
        for (String body : List.of(
                provider("North", "ftp://idp.example.org", "s3cret"),
                provider("North", "https://user:pw@idp.example.org", "s3cret"),
                provider("North", "https://idp.example.org/?a=b", "s3cret"),
                provider("North", "https://idp.example.org/" + "x".repeat(600), "s3cret"),
                provider("N".repeat(101), issuer(), "s3cret"),
                provider("North", issuer(), ""),
                provider("North", issuer(), "x".repeat(513)),
                "{\"name\": \"North\", \"issuer\": \"" + issuer() + "\", \"clientId\": \"has space\", \"clientSecret\": \"s\"}",
                "{\"name\": \"North\", \"issuer\": \"" + issuer() + "\", \"clientId\": \"c\", \"clientSecret\": \"s\", \"teacherValue\": \"staff\"}",
                "{\"name\": \"North\", \"issuer\": \"" + issuer() + "\", \"clientId\": \"c\", \"clientSecret\": \"s\", \"roleClaim\": \"bad claim\"}",
                "{\"name\": \"North\", \"issuer\": \"" + issuer() + "\", \"clientId\": \"c\", \"clientSecret\": \"s\", \"defaultRole\": \"platform-admin\"}",
                "{\"name\": \"North\", \"issuer\": \"" + issuer() + "\", \"clientId\": \"c\", \"clientSecret\": \"s\", \"defaultRole\": \"tenant-admin\"}")) {
            HttpResponse<String> answer = send("PUT", path, alice, body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            refused.add(JSON.readTree(answer.body()).path("detail").asText());
        }
        assertThat(refused).allSatisfy(detail -> assertThat(detail).isNotBlank().doesNotStartWith("!"));

        HttpResponse<String> nowhere = send("PUT", path, alice,
                provider("North", "http://localhost:1/realms/nowhere", "s3cret"), "zh-CN");
        assertThat(nowhere.statusCode()).as(nowhere.body()).isEqualTo(400);
        assertThat(JSON.readTree(nowhere.body()).path("detail").asText()).as("in Chinese").contains("发现文档");

        assertThat(KeycloakAdmin.get("/identity-provider/instances/north-high-oidc").path("alias").isMissingNode())
                .as("nothing connected in Keycloak").isTrue();
        assertThat(send("GET", "/api/v1/schools/north-high/sign-in", alice, null).body()).contains("\"providers\":[]");
    }

    @Test
    void aSchoolAdminConnectsAndRemovesTheSchoolsProviderAndNoOtherSchoolCanTouchIt() throws Exception {
        String bob = signedIn("bob");
        String path = "/api/v1/schools/south-academy/sign-in/oidc";
        assertThat(send("PUT", path, signedIn("tina"), provider("South", issuer(), "west-side-demo-secret")).statusCode())
                .as("a teacher").isEqualTo(403);
        assertThat(send("PUT", path, signedIn("alice"), provider("South", issuer(), "west-side-demo-secret")).statusCode())
                .as("another school's admin").isEqualTo(404);

        HttpResponse<String> connected = send("PUT", path, bob, provider("South Academy Google", issuer(), "west-side-demo-secret"));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
        assertThat(JSON.readTree(connected.body()).path("alias").asText()).isEqualTo("south-academy-oidc");
        try {
            JsonNode inKeycloak = KeycloakAdmin.get("/identity-provider/instances/south-academy-oidc");
            assertThat(inKeycloak.path("config").path("issuer").asText()).isEqualTo(issuer());
            assertThat(inKeycloak.path("trustEmail").asBoolean()).isFalse();
            assertThat(inKeycloak.path("hideOnLogin").asBoolean()).isTrue();
            List<String> mappers = new ArrayList<>();
            KeycloakAdmin.get("/identity-provider/instances/south-academy-oidc/mappers").forEach(mapper -> mappers.add(
                    mapper.path("identityProviderMapper").asText() + " " + mapper.path("config").path("group").asText(
                            mapper.path("config").path("role").asText()) + " " + mapper.path("config").path("syncMode").asText()));
            assertThat(mappers).containsExactlyInAnyOrder(
                    "oidc-hardcoded-group-idp-mapper /south-academy FORCE",
                    "oidc-username-idp-mapper  FORCE",
                    "oidc-hardcoded-role-idp-mapper student FORCE",
                    "oidc-role-idp-mapper teacher FORCE",
                    "oidc-role-idp-mapper tenant-admin FORCE");

            HttpResponse<String> again = send("PUT", path, bob, """
                    {"name": "South Academy Google", "issuer": "%s", "clientId": "campuslab", "clientSecret": "west-side-demo-secret",
                     "defaultRole": "teacher"}""".formatted(issuer()));
            assertThat(again.statusCode()).as("set anew").isEqualTo(200);
            assertThat(KeycloakAdmin.get("/identity-provider/instances/south-academy-oidc/mappers")).as("the old mappers gone").hasSize(3);

            assertThat(send("DELETE", "/api/v1/schools/south-academy/sign-in/oidc", signedIn("alice"), null).statusCode())
                    .as("another school's admin removing it").isEqualTo(404);
            assertThat(send("DELETE", "/api/v1/schools/south-academy/sign-in/saml", bob, null).statusCode())
                    .as("a kind the school has not connected").isEqualTo(404);
            assertThat(send("DELETE", "/api/v1/schools/south-academy/sign-in/OIDC%00", bob, null).statusCode())
                    .as("a crafted kind").isIn(400, 404);
        } finally {
            assertThat(send("DELETE", "/api/v1/schools/south-academy/sign-in/oidc", bob, null).statusCode()).isEqualTo(204);
        }
        assertThat(KeycloakAdmin.get("/identity-provider/instances/south-academy-oidc").path("alias").isMissingNode()).isTrue();
        assertThat(queryLong("SELECT COUNT(*) FROM audit_events WHERE tenant_slug = ? AND action IN"
                + " ('school.sign-in-connected', 'school.sign-in-changed', 'school.sign-in-removed')", "south-academy"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void onlyTheOperatorGivesASchoolEmailDomainsAndEachBelongsToOneSchool() throws Exception {
        String operator = signedIn("operator");
        String path = "/api/v1/schools/north-high/sign-in/email-domains";
        assertThat(send("PUT", path, signedIn("alice"), "{\"domains\": [\"northhigh.example\"]}").statusCode())
                .as("a school admin: a domain sends people to a school's provider").isEqualTo(403);
        assertThat(send("PUT", path, operator, "{\"domains\": [\"westside.example\"]}").statusCode())
                .as("another school's domain").isEqualTo(409);
        assertThat(send("PUT", path, operator, "{\"domains\": [\"not a domain\"]}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", path, operator, "{\"domains\": [\"" + "a".repeat(250) + ".example\"]}").statusCode()).isEqualTo(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("\"d" + i + ".example\"");
        }
        assertThat(send("PUT", path, operator, "{\"domains\": [" + String.join(",", many) + "]}").statusCode()).isEqualTo(400);

        HttpResponse<String> set = send("PUT", path, operator, "{\"domains\": [\"NorthHigh.Example\", \"students.northhigh.example\"]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).path("emailDomains").toString())
                .isEqualTo("[\"northhigh.example\",\"students.northhigh.example\"]");
        assertThat(send("PUT", path, operator, "{\"domains\": []}").statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenAddressesSendAPersonToTheirSchoolsSignInAndNowhereElse() throws Exception {
        String portal = StackExtension.settings().portalUrl();
        HttpResponse<String> page = get(portal + "school/west-side");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in/school/west-side");

        HttpResponse<String> route = get(portal + "sign-in/school/west-side");
        assertThat(route.statusCode()).isEqualTo(302);
        assertThat(route.headers().firstValue("Location").orElseThrow()).endsWith("/?kc_idp_hint=west-side-oidc");
        HttpResponse<String> without = get(portal + "sign-in/school/north-high");
        assertThat(without.headers().firstValue("Location").orElseThrow()).as("a school without a provider")
                .endsWith("/?kc_idp_hint=");
        assertThat(get(portal + "sign-in/school/no-such-school").headers().firstValue("Location").orElseThrow())
                .as("an unknown school is not told apart").endsWith("/?kc_idp_hint=");
        assertThat(get(portal + "sign-in/school/..%2F..%2Fapi").statusCode()).isIn(400, 404);

        HttpResponse<String> form = get(portal + "sign-in");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form", "name=\"email\"");
        HttpResponse<String> wendy = post(portal + "sign-in", "email=Wendy%40WestSide.example");
        assertThat(wendy.statusCode()).isEqualTo(302);
        assertThat(wendy.headers().firstValue("Location").orElseThrow())
                .endsWith("/?login_hint=Wendy%40WestSide.example&kc_idp_hint=west-side-oidc");
        assertThat(post(portal + "sign-in", "email=sam%40elsewhere.example").headers().firstValue("Location").orElseThrow())
                .as("an unknown domain signs in on Keycloak's page").endsWith("/?login_hint=sam%40elsewhere.example");
        HttpResponse<String> crafted = post(portal + "sign-in", "email=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(crafted.statusCode()).isEqualTo(400);
        assertThat(crafted.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(post(portal + "sign-in", "email=" + "a".repeat(400) + "%40x.example").statusCode()).isEqualTo(400);
        assertThat(post(portal + "sign-in", "email=https%3A%2F%2Fevil.example").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
