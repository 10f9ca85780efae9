package io.campuslab.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodNetworkTest {

    @Test
    void addressesRunThroughTheRangeWithoutANetworkOrBroadcastAddress() {
        assertThat(PodNetwork.address(0)).isEqualTo("198.18.0.2");
        assertThat(PodNetwork.address(252)).isEqualTo("198.18.0.254");
        assertThat(PodNetwork.address(253)).isEqualTo("198.18.1.2");
        assertThat(PodNetwork.address(256 * 253)).isEqualTo("198.19.0.2");
        assertThat(PodNetwork.address(512 * 253 - 1)).isEqualTo("198.19.255.254");
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < 512 * 253; n++) {
            String address = PodNetwork.address(n);
            assertThat(address).doesNotEndWith(".0").doesNotEndWith(".1").doesNotEndWith(".255");
            seen.add(address);
        }
        assertThat(seen).hasSize(512 * 253);
    }

    @Test
    void theRangeEnds() {
        assertThatThrownBy(() -> PodNetwork.address(512 * 253)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PodNetwork.address(-1)).isInstanceOf(IllegalStateException.class);
    }
}
