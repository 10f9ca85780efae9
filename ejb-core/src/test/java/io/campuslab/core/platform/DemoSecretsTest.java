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
    void ownSecretsPass() {
        assertThat(DemoSecrets.stillDemo(false, Map.of("campuslab.db.password", "a",
                "campuslab.oidc.client-secret", "b"))).isEmpty();
    }
}
