package io.campuslab.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

    @Test
    void namespaceIsPrefixedSlug() {
        assertThat(new TenantSlug("north-high").namespace()).isEqualTo("cl-north-high");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "North-High", "-north", "north-", "north_high", "nörth", "a.b",
            "a2345678901234567890123456789012345678901"})
    void rejectsWhatIsNoShortDnsLabel(String slug) {
        assertThatThrownBy(() -> new TenantSlug(slug)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TenantSlug.isValid(slug)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "north-high", "school42", "a23456789012345678901234567890123456789"})
    void acceptsShortDnsLabels(String slug) {
        assertThat(TenantSlug.isValid(slug)).isTrue();
        assertThat(new TenantSlug(slug).value()).isEqualTo(slug);
    }

    @Test
    void newSchoolIsActiveInItsOwnNamespace() {
        Tenant school = new Tenant(new TenantSlug("south-academy"), "  South Academy ", java.time.Instant.EPOCH);
        assertThat(school.isActive()).isTrue();
        assertThat(school.displayName()).isEqualTo("South Academy");
        assertThat(school.namespace()).isEqualTo("cl-south-academy");
    }

    @Test
    void schoolNeedsAName() {
        assertThatThrownBy(() -> new Tenant(new TenantSlug("x"), " ", java.time.Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
