package io.campuslab.system.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.campuslab.system.Chromium;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.PortalApi;
import io.campuslab.system.SystemTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Schools' LDAP directories (UnboundID's in-memory server, one per school): a school admin connects
 * theirs, its people sign in with their directory passwords and the roles their groups give, in their
 * school only — a person of the same name in another school's directory is another person of another
 * school — and everything a school admin may get wrong, or try against another school, is refused
 * with nothing left behind in Keycloak.
 */
@SystemTest
@Tag("browser")
class SchoolDirectoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchoolDirectory eastfield;
    private static SchoolDirectory westfield;

    @BeforeAll
    static void twoSchoolsWithDirectories() throws Exception {
        String operator = signedIn("operator");
        for (String school : List.of("eastfield", "westfield")) {
            HttpResponse<String> created = send("POST", "/api/v1/schools", operator,
                    "{\"slug\": \"" + school + "\", \"name\": \"" + Character.toUpperCase(school.charAt(0)) + school.substring(1) + "\"}");
            Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        KeycloakAdmin.createPerson("ella", "tenant-admin", "eastfield");
        KeycloakAdmin.createPerson("wilma", "tenant-admin", "westfield");
        KeycloakAdmin.createPerson("etta", "teacher", "eastfield");
        eastfield = SchoolDirectory.start("eastfield");
        eastfield.addPerson("emma", "Emma", "Stone", "platform-admin");
        eastfield.addPerson("ed", "Ed", "Turner", "staff");
        eastfield.addPerson("ivy", "Ivy", "Irwin", "it-admins", "staff");
        westfield = SchoolDirectory.start("westfield");
        westfield.addPerson("emma", "Emma", "West");
    }

    @AfterAll
    static void stopDirectories() {
        eastfield.close();
        westfield.close();
    }

    /** The directory as a school admin enters it, with roles from the groups staff and it-admins. */
    private static ObjectNode directory(SchoolDirectory directory) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", "School directory")
                .put("url", directory.url())
                .put("bindDn", directory.bindDn())
                .put("bindPassword", SchoolDirectory.BIND_PASSWORD)
                .put("usersDn", directory.peopleDn())
                .put("groupsDn", directory.groupsDn())
                .put("teacherGroup", "staff")
                .put("adminGroup", "it-admins");
        return body;
    }

    private static ObjectNode directory(SchoolDirectory directory, Consumer<ObjectNode> change) {
        ObjectNode body = directory(directory);
        change.accept(body);
        return body;
    }

    @Test
    void aSchoolsPeopleSignInWithTheirDirectoryPasswordsInTheirSchoolOnlyWithTheRolesTheirGroupsGive() throws Exception {
        HttpResponse<String> connected = send("PUT", "/api/v1/schools/eastfield/sign-in/ldap", signedIn("ella"),
                directory(eastfield).toString());
        Assertions.assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(connected.body());
        Assertions.assertThat(summary.path("alias").asText()).isEqualTo("eastfield-ldap");
        Assertions.assertThat(summary.path("location").asText()).isEqualTo(eastfield.url());
        Assertions.assertThat(summary.path("usersDn").asText()).isEqualTo(eastfield.peopleDn());
        Assertions.assertThat(summary.path("usernameClaim").asText()).as("the attribute people sign in with").isEqualTo("uid");
        Assertions.assertThat(connected.body()).as("never the reading account's password").doesNotContain(SchoolDirectory.BIND_PASSWORD);
        HttpResponse<String> other = send("PUT", "/api/v1/schools/westfield/sign-in/ldap", signedIn("wilma"),
                directory(westfield).toString());
        Assertions.assertThat(other.statusCode()).as(other.body()).isEqualTo(200);

        try {
            signInThrough("eastfield", "emma", "wrong", page -> {
                assertThat(page).hasURL(Pattern.compile(".*/realms/campuslab-eastfield-ldap/.*"));
                assertThat(page.locator("body")).containsText("Invalid username or password");
                signIn(page, "emma", SchoolDirectory.PASSWORD);
                assertThat(page.locator("#home-summary")).hasText("Eastfield · student");
            });
            Assertions.assertThat(PortalApi.memberSummary("eastfield-ldap_emma"))
                    .as("a student of Eastfield: her directory group 'platform-admin' gives nothing")
                    .isEqualTo("eastfield STUDENT eastfield-ldap");
            signInThrough("westfield", "emma", SchoolDirectory.PASSWORD, page -> {
                assertThat(page.locator("#home-summary")).hasText("Westfield · student");
                assertThat(page.locator("#user-name")).hasText("Emma West");
            });
            Assertions.assertThat(PortalApi.memberSummary("westfield-ldap_emma")).as("the other school's Emma is another person")
                    .isEqualTo("westfield STUDENT westfield-ldap");
            signInThrough("eastfield", "ivy", SchoolDirectory.PASSWORD,
                    page -> assertThat(page.locator("#home-summary")).hasText("Eastfield · school admin"));
            signInThrough("eastfield", "ed", SchoolDirectory.PASSWORD,
                    page -> assertThat(page.locator("#home-summary")).hasText("Eastfield · teacher"));

            // set anew (another name): the directory's realm and everyone's link to their account stay
            long ivy = PortalApi.queryLong("SELECT id FROM members WHERE username = ?", "eastfield-ldap_ivy");
            HttpResponse<String> again = send("PUT", "/api/v1/schools/eastfield/sign-in/ldap", signedIn("ella"),
                    directory(eastfield, d -> d.put("name", "Eastfield accounts")).toString());
            Assertions.assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            signInThrough("eastfield", "ivy", SchoolDirectory.PASSWORD,
                    page -> assertThat(page.locator("#home-summary")).hasText("Eastfield · school admin"));
            Assertions.assertThat(PortalApi.queryLong("SELECT id FROM members WHERE username = ?", "eastfield-ldap_ivy"))
                    .as("the same member as before").isEqualTo(ivy);

            // the directory says who is what at every sign-in: Ed left the staff, Emma left the school
            eastfield.leaveGroup("ed", "staff");
            eastfield.removePerson("emma");
            signInThrough("eastfield", "ed", SchoolDirectory.PASSWORD,
                    page -> assertThat(page.locator("#home-summary")).hasText("Eastfield · student"));
            signInThrough("eastfield", "emma", SchoolDirectory.PASSWORD,
                    page -> assertThat(page.locator("body")).containsText("Invalid username or password"));

            // removed: the directory is no longer read, and its people keep their accounts in CampusLab
            Assertions.assertThat(send("DELETE", "/api/v1/schools/eastfield/sign-in/ldap", signedIn("ella"), null).statusCode())
                    .isEqualTo(204);
            Assertions.assertThat(KeycloakAdmin.getIn("campuslab-eastfield-ldap", "").path("realm").isMissingNode()).isTrue();
            Assertions.assertThat(KeycloakAdmin.get("/identity-provider/instances/eastfield-ldap").path("alias").isMissingNode())
                    .isTrue();
            Assertions.assertThat(PortalApi.memberSummary("eastfield-ldap_ed")).startsWith("eastfield");
            signInThrough("eastfield", "ed", SchoolDirectory.PASSWORD, page -> {
                assertThat(page).hasURL(Pattern.compile(".*/realms/campuslab/.*"));
                assertThat(page.locator("body")).containsText("Invalid username or password");
            });
        } finally {
            send("DELETE", "/api/v1/schools/eastfield/sign-in/ldap", signedIn("ella"), null);
            send("DELETE", "/api/v1/schools/westfield/sign-in/ldap", signedIn("wilma"), null);
        }
    }

    @Test
    void aSchoolAdminConnectsTheDirectoryOnTheSchoolsPage() throws Exception {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            context.setDefaultTimeout(30_000);
            Page page = context.newPage();
            try {
                Chromium.signIn(page, "wilma", "campuslab");
                page.navigate(Chromium.portal() + "school/westfield");
                page.locator("#sign-in-kind").click();
                page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("LDAP / Active Directory")).click();
                assertThat(page.locator("#sign-in-issuer")).isHidden();
                assertThat(page.locator("#sign-in-role-claim")).isHidden();
                page.locator("#sign-in-name input").fill("Westfield accounts");
                page.locator("#sign-in-directory-url input").fill(westfield.url());
                page.locator("#sign-in-bind-dn input").fill(westfield.bindDn());
                page.locator("#sign-in-bind-password input").fill("guessed");
                page.locator("#sign-in-users-dn input").fill(westfield.peopleDn());
                page.locator("#sign-in-connect").click();
                assertThat(page.locator("#error-notification")).containsText("refused the reading account");

                page.locator("#sign-in-bind-password input").fill(SchoolDirectory.BIND_PASSWORD);
                page.locator("#sign-in-connect").click();
                assertThat(page.locator("#sign-in-connected")).isVisible();
                assertThat(page.locator("#sign-in-provider-ldap")).containsText(westfield.url());
                assertThat(page.locator("#sign-in-provider-ldap")).containsText(westfield.peopleDn());
                assertThat(page.locator("#sign-in-bind-password input")).hasValue("");

                page.locator("#sign-in-remove-ldap").click();
                assertThat(page.locator("#sign-in-removed")).isVisible();
                assertThat(page.locator("#sign-in-providers")).containsText("CampusLab accounts");
            } finally {
                Chromium.screenshot(page, "SchoolDirectoryIT-connect-on-the-page");
                send("DELETE", "/api/v1/schools/westfield/sign-in/ldap", signedIn("wilma"), null);
            }
        }
        Assertions.assertThat(KeycloakAdmin.getIn("campuslab-westfield-ldap", "").path("realm").isMissingNode()).isTrue();
    }

    @Test
    void anotherSchoolALowerRoleAndBadInputAreRefusedAndLeaveNothingInKeycloak() throws Exception {
        String path = "/api/v1/schools/eastfield/sign-in/ldap";
        String body = directory(eastfield).toString();
        Assertions.assertThat(send("PUT", path, signedIn("alice"), body).statusCode()).as("another school's admin").isEqualTo(404);
        Assertions.assertThat(send("PUT", path, signedIn("etta"), body).statusCode()).as("a teacher").isEqualTo(403);
        Assertions.assertThat(send("PUT", path, signedIn("sam"), body).statusCode()).as("another school's student").isEqualTo(403);
        Assertions.assertThat(send("DELETE", path, signedIn("alice"), null).statusCode()).isEqualTo(404);
        Assertions.assertThat(send("GET", "/api/v1/schools/eastfield/sign-in", signedIn("alice"), null).statusCode())
                .as("another school's admin does not see it either").isEqualTo(404);
        Assertions.assertThat(JSON.readTree(send("GET", "/api/v1/schools/eastfield/sign-in", signedIn("operator"), null).body())
                .path("directoriesEnabled").asBoolean()).as("the operator gave the directories' account").isTrue();

        String ella = signedIn("ella");
        List<ObjectNode> malformed = List.of(
                directory(eastfield, d -> d.put("url", "ftp://localhost:389")),
                directory(eastfield, d -> d.put("url", "ldap://reader:pw@localhost:389")),
                directory(eastfield, d -> d.put("url", eastfield.url() + "/dc=eastfield?uid")),
                directory(eastfield, d -> d.put("url", "ldap://" + "x".repeat(600) + ":389")),
                directory(eastfield, d -> d.put("bindDn", "not a distinguished name")),
                directory(eastfield, d -> d.put("bindDn", "cn=" + "x".repeat(600))),
                directory(eastfield, d -> d.put("bindPassword", "")),
                directory(eastfield, d -> d.put("usersDn", "ou=people\n,dc=eastfield")),
                directory(eastfield, d -> d.put("usernameAttribute", "uid) (objectClass=*")),
                directory(eastfield, d -> d.put("userFilter", "(uid=*")),
                directory(eastfield, d -> d.put("userFilter", "uid=*)(objectClass=*")),
                directory(eastfield, d -> d.put("userFilter", "(" + "a".repeat(600) + ")")),
                directory(eastfield, d -> d.remove("groupsDn")),
                directory(eastfield, d -> d.put("name", "N".repeat(101))),
                directory(eastfield, d -> d.put("defaultRole", "tenant-admin")),
                directory(eastfield, d -> d.put("defaultRole", "platform-admin")));
        for (ObjectNode bad : malformed) {
            HttpResponse<String> answer = send("PUT", path, ella, bad.toString());
            Assertions.assertThat(answer.statusCode()).as(bad + " -> " + answer.body()).isEqualTo(400);
        }

        HttpResponse<String> refused = send("PUT", path, ella, directory(eastfield, d -> d.put("bindPassword", "guessed")).toString());
        Assertions.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        Assertions.assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("refused the reading account");
        HttpResponse<String> unreachable = PortalApi.send("PUT", path, ella,
                directory(eastfield, d -> d.put("url", "ldap://localhost:1")).toString(), "zh-CN");
        Assertions.assertThat(unreachable.statusCode()).as(unreachable.body()).isEqualTo(400);
        Assertions.assertThat(JSON.readTree(unreachable.body()).path("detail").asText()).contains("无法连接");

        Assertions.assertThat(KeycloakAdmin.getIn("campuslab-eastfield-ldap", "").path("realm").isMissingNode())
                .as("nothing half made").isTrue();
        Assertions.assertThat(KeycloakAdmin.get("/identity-provider/instances/eastfield-ldap").path("alias").isMissingNode()).isTrue();
        Assertions.assertThat(JSON.readTree(send("GET", "/api/v1/schools/eastfield/sign-in", ella, null).body())
                .path("providers")).isEmpty();
    }

    /**
     * Opens the school's page in a browser of its own, signs in there as given, and checks the page
     * then; a screenshot of the end stays in target/screenshots.
     */
    private static void signInThrough(String school, String username, String password, Consumer<Page> then) throws Exception {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            context.setDefaultTimeout(30_000);
            Page page = context.newPage();
            try {
                page.navigate(Chromium.portal() + "school/" + school);
                signIn(page, username, password);
                then.accept(page);
            } finally {
                Chromium.screenshot(page, "SchoolDirectoryIT-" + school + "-" + username);
            }
        }
    }

    private static void signIn(Page page, String username, String password) {
        assertThat(page.locator("#username")).isVisible();
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }
}
