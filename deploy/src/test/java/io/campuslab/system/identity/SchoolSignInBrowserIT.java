package io.campuslab.system.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.campuslab.system.Chromium;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.PortalApi;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Tokens;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * People of West Side School sign in through their school's own OpenID provider (the realm
 * {@code west-side-idp}, which also claims every person is of North High: CampusLab does not care),
 * and land in West Side School only.
 */
@SystemTest
@Tag("browser")
class SchoolSignInBrowserIT {

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void newBrowserSession() {
        context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserSession(TestInfo test) throws Exception {
        Chromium.screenshot(page, test.getTestMethod().orElseThrow().getName());
        context.close();
    }

    @Test
    void aStudentOpensHerSchoolsPageAndSignsInThroughHerSchoolsProvider() throws Exception {
        page.navigate(Chromium.portal() + "school/west-side");
        assertThat(page).hasURL(Pattern.compile(".*/realms/west-side-idp/.*"));
        signInAtTheProvider("wendy");

        assertThat(page.locator("#school-name")).hasText("West Side School");
        assertThat(page.locator("#user-name")).hasText("Wendy West");
        assertThat(page.locator("#home-summary")).hasText("West Side School · student");
        org.assertj.core.api.Assertions.assertThat(PortalApi.memberSummary("west-side-oidc_wendy"))
                .as("a member of West Side School only, whatever the provider claims")
                .isEqualTo("west-side STUDENT west-side-oidc");

        // her password is her school's: no admin resets it here ...
        KeycloakAdmin.createPerson("wes-admin", "tenant-admin", "west-side");
        HttpResponse<String> reset = PortalApi.send("POST", "/api/v1/members/west-side-oidc_wendy/password-reset",
                PortalApi.signedIn("wes-admin"), null);
        org.assertj.core.api.Assertions.assertThat(reset.statusCode()).as(reset.body()).isEqualTo(400);
        // ... and a password of her own (the account console would let her set one) does not get her round her school's provider
        String wendy = KeycloakAdmin.userId("west-side-oidc_wendy");
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.put("/users/" + wendy + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Round-the-school-1\", \"temporary\": false}")).isEqualTo(204);
        try {
            HttpResponse<String> grant = Tokens.grant("west-side-oidc_wendy", "Round-the-school-1", "campuslab-cli");
            String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(grant.body()).path("access_token").asText();
            org.assertj.core.api.Assertions.assertThat(token).as(grant.body()).isNotEmpty();
            org.assertj.core.api.Assertions.assertThat(PortalApi.send("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(403);
        } finally {
            for (com.fasterxml.jackson.databind.JsonNode credential : KeycloakAdmin.get("/users/" + wendy + "/credentials")) {
                KeycloakAdmin.delete("/users/" + wendy + "/credentials/" + credential.path("id").asText());
            }
        }
    }

    @Test
    void aTeacherTypesHisSchoolEmailAndGetsTheRoleHisProviderGives() throws Exception {
        page.navigate(Chromium.portal() + "sign-in");
        page.locator("#email").fill("walt@westside.example");
        page.locator("#continue").click();
        assertThat(page).hasURL(Pattern.compile(".*/realms/west-side-idp/.*"));
        signInAtTheProvider("walt");

        assertThat(page.locator("#home-summary")).hasText("West Side School · teacher");
        org.assertj.core.api.Assertions.assertThat(PortalApi.memberSummary("west-side-oidc_walt")).isEqualTo("west-side TEACHER west-side-oidc");
    }

    @Test
    void aProviderThatPutsItsPeopleIntoAnotherSchoolIsRefused() throws Exception {
        // as if someone changed the provider's school mapper by hand in Keycloak: its people now claim North High
        String mappers = "/identity-provider/instances/west-side-oidc/mappers";
        com.fasterxml.jackson.databind.JsonNode school = null;
        for (com.fasterxml.jackson.databind.JsonNode mapper : KeycloakAdmin.get(mappers)) {
            if (mapper.path("identityProviderMapper").asText().equals("oidc-hardcoded-group-idp-mapper")) {
                school = mapper;
            }
        }
        org.assertj.core.api.Assertions.assertThat(school).isNotNull();
        String id = school.path("id").asText();
        String moved = school.toString().replace("\"/west-side\"", "\"/north-high\"");
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.put(mappers + "/" + id, moved)).isEqualTo(204);
        String westSide = KeycloakAdmin.group("west-side").path("id").asText();
        String known = KeycloakAdmin.userId("west-side-oidc_wendy");
        if (!known.isEmpty()) {
            // she signed in before: she is in West Side's group already, which the mapper would keep
            KeycloakAdmin.delete("/users/" + known + "/groups/" + westSide);
        }
        try {
            page.navigate(Chromium.portal() + "school/west-side");
            signInAtTheProvider("wendy");
            assertThat(page.locator("body")).containsText("does not belong to your school");
            org.assertj.core.api.Assertions.assertThat(PortalApi.memberSummary("west-side-oidc_wendy")).as("never a member of North High")
                    .doesNotStartWith("north-high");
        } finally {
            org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.put(mappers + "/" + id, school.toString())).isEqualTo(204);
            // Keycloak keeps the group the hand-made mapper gave; the school's own mapper does not take it away
            String user = KeycloakAdmin.userId("west-side-oidc_wendy");
            String northHigh = KeycloakAdmin.group("north-high").path("id").asText();
            KeycloakAdmin.delete("/users/" + user + "/groups/" + northHigh);
            KeycloakAdmin.put("/users/" + user + "/groups/" + westSide, "");
        }
    }

    @Test
    void aProviderThatMakesItsPeoplePlatformAdminsIsRefused() throws Exception {
        // the portal's service account may manage identity providers, and a provider's mapper may give any realm role
        String mappers = "/identity-provider/instances/west-side-oidc/mappers";
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.post(mappers, """
                {"name": "wall", "identityProviderAlias": "west-side-oidc", "identityProviderMapper": "oidc-hardcoded-role-idp-mapper",
                 "config": {"role": "platform-admin", "syncMode": "FORCE"}}""")).isEqualTo(201);
        try {
            page.navigate(Chromium.portal() + "school/west-side");
            signInAtTheProvider("walt");
            assertThat(page.locator("body")).containsText("does not belong to your school");
            assertThat(page.locator("#nav-schools")).hasCount(0);
        } finally {
            for (com.fasterxml.jackson.databind.JsonNode mapper : KeycloakAdmin.get(mappers)) {
                if (mapper.path("name").asText().equals("wall")) {
                    KeycloakAdmin.delete(mappers + "/" + mapper.path("id").asText());
                }
            }
            String walt = KeycloakAdmin.userId("west-side-oidc_walt");
            KeycloakAdmin.delete("/users/" + walt + "/role-mappings/realm", "[" + KeycloakAdmin.get("/roles/platform-admin") + "]");
        }
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.get("/users/" + KeycloakAdmin.userId("west-side-oidc_walt")
                + "/role-mappings/realm").toString()).doesNotContain("platform-admin");
    }

    @Test
    void aSchoolAdminConnectsAndRemovesTheProviderOnTheSchoolsPageAndATeacherSeesNoSuchThing() throws Exception {
        Chromium.signIn(page, "bob", "campuslab");
        page.navigate(Chromium.portal() + "school/south-academy");
        assertThat(page.locator("#sign-in-providers")).containsText("CampusLab accounts");
        assertThat(page.locator("#sign-in-email-domains")).hasAttribute("readonly", "");

        page.locator("#sign-in-name input").fill("South Academy's provider");
        page.locator("#sign-in-issuer input").fill("ftp://idp.example.org");
        page.locator("#sign-in-client-id input").fill("campuslab");
        page.locator("#sign-in-client-secret input").fill("west-side-demo-secret");
        page.locator("#sign-in-connect").click();
        assertThat(page.locator("#error-notification")).containsText("not an https address");

        page.locator("#sign-in-issuer input").fill("http://localhost:" + StackExtension.settings().keycloakPort()
                + "/realms/west-side-idp");
        page.locator("#sign-in-role-claim input").fill("roles");
        page.locator("#sign-in-teacher-value input").fill("staff");
        page.locator("#sign-in-connect").click();
        assertThat(page.locator("#sign-in-connected")).isVisible();
        assertThat(page.locator("#sign-in-provider-oidc")).containsText("South Academy's provider");
        assertThat(page.locator("#sign-in-provider-oidc")).containsText("roles");
        assertThat(page.locator("#sign-in-client-secret input")).hasValue("");
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.get("/identity-provider/instances/south-academy-oidc")
                .path("displayName").asText()).isEqualTo("South Academy's provider");

        page.locator("#sign-in-remove-oidc").click();
        assertThat(page.locator("#sign-in-removed")).isVisible();
        assertThat(page.locator("#sign-in-providers")).containsText("CampusLab accounts");
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.get("/identity-provider/instances/south-academy-oidc")
                .path("alias").isMissingNode()).isTrue();

        page.locator("#sign-in-kind").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("SAML 2.0")).click();
        assertThat(page.locator("#sign-in-issuer")).isHidden();
        page.locator("#sign-in-metadata-url input").fill("file:///etc/passwd");
        page.locator("#sign-in-connect").click();
        // the issuer's error may still show beside it
        assertThat(page.locator("#error-notification")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("metadata address"))).isVisible();

        Chromium.signOut(page);
        Chromium.signIn(page, "tina", "campuslab");
        page.navigate(Chromium.portal() + "school/south-academy");
        assertThat(page.locator("#school-title")).hasText("South Academy");
        assertThat(page.locator("#sign-in-connect")).hasCount(0);
    }

    @Test
    void aSchoolConnectsASamlProviderFromItsMetadataAndItsPeopleLandThereOnly() throws Exception {
        String keycloak = "http://localhost:" + StackExtension.settings().keycloakPort();
        String endpoint = keycloak + "/realms/campuslab/broker/south-academy-saml/endpoint";
        // the provider's side: CampusLab registered as a SAML service provider of the realm west-side-idp
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.postIn("west-side-idp", "/clients", """
                {"clientId": "urn:campuslab:south-academy-saml", "protocol": "saml", "enabled": true,
                 "redirectUris": ["%s"],
                 "attributes": {"saml.assertion.signature": "true", "saml.server.signature": "true",
                   "saml.client.signature": "false", "saml_force_name_id_format": "true", "saml_name_id_format": "username",
                   "saml_assertion_consumer_url_post": "%s"},
                 "protocolMappers": [{"name": "roles", "protocol": "saml", "protocolMapper": "saml-role-list-mapper",
                   "config": {"attribute.name": "Role", "single": "false", "attribute.nameformat": "Basic"}}]}
                """.formatted(endpoint, endpoint))).isEqualTo(201);
        String bob = PortalApi.signedIn("bob");
        String path = "/api/v1/schools/south-academy/sign-in/saml";
        String descriptor = keycloak + "/realms/west-side-idp/protocol/saml/descriptor";
        try {
            for (String bad : java.util.List.of("{\"name\": \"S\"}",
                    "{\"name\": \"S\", \"metadataUrl\": \"" + descriptor + "\", \"metadataXml\": \"<EntityDescriptor/>\"}",
                    "{\"name\": \"S\", \"metadataXml\": \"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><EntityDescriptor>&e;</EntityDescriptor>\"}",
                    "{\"name\": \"S\", \"metadataUrl\": \"file:///etc/passwd\"}",
                    "{\"name\": \"S\", \"metadataUrl\": \"http://localhost:1/nothing\"}")) {
                org.assertj.core.api.Assertions.assertThat(PortalApi.send("PUT", path, bob, bad).statusCode()).as(bad).isEqualTo(400);
            }
            HttpResponse<String> connected = PortalApi.send("PUT", path, bob, """
                    {"name": "South Academy SAML", "metadataUrl": "%s", "roleAttribute": "Role", "teacherValue": "staff"}
                    """.formatted(descriptor));
            org.assertj.core.api.Assertions.assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
            String xml = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(descriptor)).build(), HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> fromXml = PortalApi.send("PUT", path, bob, new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode().put("name", "South Academy SAML").put("metadataXml", xml).put("roleAttribute", "Role")
                    .put("teacherValue", "staff").toString());
            org.assertj.core.api.Assertions.assertThat(fromXml.statusCode()).as("the metadata as XML: " + fromXml.body()).isEqualTo(200);

            page.navigate(Chromium.portal() + "school/south-academy");
            assertThat(page).hasURL(Pattern.compile(".*/realms/west-side-idp/.*"));
            signInAtTheProvider("walt");
            assertThat(page.locator("#home-summary")).hasText("South Academy · teacher");
            org.assertj.core.api.Assertions.assertThat(PortalApi.memberSummary("south-academy-saml_walt"))
                    .isEqualTo("south-academy TEACHER south-academy-saml");
        } finally {
            PortalApi.send("DELETE", path, bob, null);
            for (com.fasterxml.jackson.databind.JsonNode client : KeycloakAdmin.getIn("west-side-idp",
                    "/clients?clientId=urn:campuslab:south-academy-saml")) {
                KeycloakAdmin.deleteIn("west-side-idp", "/clients/" + client.path("id").asText());
            }
        }
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.get("/identity-provider/instances/south-academy-saml")
                .path("alias").isMissingNode()).isTrue();
    }

    private void signInAtTheProvider(String username) {
        assertThat(page.locator("#username")).isVisible();
        page.locator("#username").fill(username);
        page.locator("#password").fill("campuslab");
        page.locator("#kc-login").click();
    }
}
