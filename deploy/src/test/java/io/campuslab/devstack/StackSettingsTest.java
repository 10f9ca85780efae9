package io.campuslab.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void localStackEmbedsEverythingOnTheDocumentedPorts() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("CAMPUSLAB_HOME", "/tmp/cl"));

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/cl"));
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:mysql://localhost:3306/campuslab");
        assertThat(settings.oidcProviderUrl()).isEqualTo("http://localhost:8180/realms/campuslab");
        assertThat(settings.kubeconfig()).isEqualTo(Path.of("/tmp/cl/kubeconfig"));
        assertThat(settings.portalUrl()).isEqualTo("http://localhost:8080/");
        assertThat(settings.externalDatabase()).isEmpty();
    }

    @Test
    void environmentReplacesEachPartByARealOne() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of(
                "CAMPUSLAB_DB_URL", "jdbc:mysql://db.school.example:3306/campuslab",
                "CAMPUSLAB_OIDC_PROVIDER_URL", "https://sso.school.example/realms/campuslab",
                "CAMPUSLAB_KUBECONFIG", "/etc/campuslab/kubeconfig",
                "CAMPUSLAB_HOME", " "));

        assertThat(settings.databaseUrl()).isEqualTo("jdbc:mysql://db.school.example:3306/campuslab");
        assertThat(settings.oidcProviderUrl()).isEqualTo("https://sso.school.example/realms/campuslab");
        assertThat(settings.kubeconfig()).isEqualTo(Path.of("/etc/campuslab/kubeconfig"));
        assertThat(settings.externalDatabase()).isPresent();
    }

    @Test
    void testStackMovesEveryPortByTheOffset() {
        StackSettings settings = StackSettings.forTests(Path.of("target/it"), 10_000);

        assertThat(settings.dbPort()).isEqualTo(13306);
        assertThat(settings.keycloakPort()).isEqualTo(18180);
        assertThat(settings.keycloakManagementPort()).isEqualTo(19000);
        assertThat(settings.devClusterPort()).isEqualTo(16443);
        assertThat(settings.portalUrl()).isEqualTo("http://localhost:18080/");
        assertThat(settings.wildflyManagementPort()).isEqualTo(19990);
    }

    @Test
    void serverReadsTheSameSettingsFromPropertiesOrEnvironment() {
        Map<String, String> properties = WildFlyServer.serverSettings(StackSettings.forTests(Path.of("/x"), 0));

        assertThat(properties).containsEntry("campuslab.db.url", "jdbc:mysql://localhost:3306/campuslab")
                .containsEntry("campuslab.kubernetes.kubeconfig", "/x/kubeconfig")
                .containsEntry("campuslab.demo-data", "true")
                .containsEntry("campuslab.directories.client-secret", KeycloakServer.DIRECTORIES_SECRET);
        assertThat(WildFlyServer.environmentName("campuslab.oidc.provider-url")).isEqualTo("CAMPUSLAB_OIDC_PROVIDER_URL");
        assertThat(WildFlyServer.environmentName("campuslab.demo-data")).isEqualTo("CAMPUSLAB_DEMO_DATA");
    }

    @Test
    void bannerNamesTheDemoLoginsAndHowToStop() {
        String banner = Banner.text(StackSettings.fromEnvironment(Map.of()), 1, 42, "Kubernetes v1.37.2 API server");

        assertThat(banner).contains("http://localhost:8080/", "operator", "alice", "tom", "sam, sue", "bob", "tina", "stan",
                "wendy", "walt", "http://localhost:8080/school/west-side", "\"campuslab\"", "./campuslab stop", "started in 42 s", "Kubernetes v1.37.2 API server");
    }

    @Test
    void aSecondNodeHasPortsFolderAndNameOfItsOwn() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of("CAMPUSLAB_HOME", "/srv/campuslab"));
        PortalNode first = settings.node(1);
        PortalNode second = settings.node(2);

        assertThat(first.httpPort()).isEqualTo(settings.portalPort());
        assertThat(first.base()).isEqualTo(Path.of("/srv/campuslab/wildfly"));
        assertThat(second.httpPort()).isEqualTo(9080);
        assertThat(second.managementPort()).isEqualTo(10990);
        assertThat(second.base()).isEqualTo(Path.of("/srv/campuslab/wildfly-2"));
        assertThat(second.name()).isNotEqualTo(first.name());
        assertThat(Banner.text(settings, 2, 42, "simulated Kubernetes API")).contains("http://localhost:9080/");
        assertThatThrownBy(() -> settings.node(PortalNode.MOST + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLauncherTakesTheNumberOfNodesAndRefusesNonsense() {
        assertThat(LocalStackMain.nodes(new String[0])).isEqualTo(1);
        assertThat(LocalStackMain.nodes(new String[] {"--nodes", "2"})).isEqualTo(2);
        for (String[] wrong : new String[][] {{"--nodes"}, {"--nodes", "0"}, {"--nodes", "5"}, {"--nodes", "two"},
                {"--nodes", "-1"}, {"--node", "2"}, {"--nodes", "2", "--nodes", "3"}}) {
            assertThatThrownBy(() -> LocalStackMain.nodes(wrong)).as(String.join(" ", wrong))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nodes");
        }
    }
}
