package io.campuslab.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSecretsTest {

    @Test
    void theDemoMayUseItsOwnSecrets() {
        assertThat(DemoSecrets.stillDemo(true, Map.of())).isEmpty();
    }

    @Test
    void aRealInstallationWithoutSecretsOfItsOwnIsToldWhichToSet() {
        assertThat(DemoSecrets.stillDemo(false, Map.of()))
                .containsExactly("campuslab.db.password", "campuslab.oidc.client-secret");
        assertThat(DemoSecrets.stillDemo(false, Map.of("campuslab.db.password", "s3cret-of-the-school",
                "campuslab.oidc.client-secret", "campuslab-dev-secret")))
                .containsExactly("campuslab.oidc.client-secret");
    }

    @Test
    void theDirectoriesAccountIsRefusedWithItsDemoSecretOnlyWhenItIsGiven() {
        Map<String, String> own = Map.of("campuslab.db.password", "a", "campuslab.oidc.client-secret", "b");
        assertThat(DemoSecrets.stillDemo(false, own)).as("no directories: nothing to refuse").isEmpty();
        var withDemoDirectories = new java.util.HashMap<>(own);
        withDemoDirectories.put("campuslab.directories.client-secret", "campuslab-dev-directories");
        assertThat(DemoSecrets.stillDemo(false, withDemoDirectories)).containsExactly("campuslab.directories.client-secret");
        withDemoDirectories.put("campuslab.directories.client-secret", "own");
        assertThat(DemoSecrets.stillDemo(false, withDemoDirectories)).isEmpty();
    }

    @Test
    void ownSecretsPass() {
        assertThat(DemoSecrets.stillDemo(false, Map.of("campuslab.db.password", "a",
                "campuslab.oidc.client-secret", "b"))).isEmpty();
    }
}
