package io.campuslab.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EgressRangesTest {

    private static final List<String> CLUSTER = List.of("10.96.0.0/12", "10.244.0.0/16");

    @Test
    void theWholeInternetLessMetadataLoopbackThePrivateRangesAndTheCluster() {
        EgressRanges.Block internet = EgressRanges.of(List.of("0.0.0.0/0"), CLUSTER).get(0);

        assertThat(internet.cidr()).isEqualTo("0.0.0.0/0");
        assertThat(internet.except()).containsExactlyInAnyOrder("0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16",
                "100.64.0.0/10", "224.0.0.0/4", "240.0.0.0/4", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
        assertThat(internet.except()).as("the cluster's ranges lie inside 10.0.0.0/8, listed once")
                .doesNotContain("10.96.0.0/12", "10.244.0.0/16");
    }

    @Test
    void aPrivateMirrorNamedOnPurposeStaysReachableLessTheClusterInsideIt() {
        List<EgressRanges.Block> blocks = EgressRanges.of(List.of("10.0.0.0/8", "192.168.7.0/24"), CLUSTER);

        assertThat(blocks.get(0).cidr()).isEqualTo("10.0.0.0/8");
        assertThat(blocks.get(0).except()).containsExactlyInAnyOrder("10.96.0.0/12", "10.244.0.0/16");
        assertThat(blocks.get(1)).isEqualTo(new EgressRanges.Block("192.168.7.0/24", List.of()));
    }

    @Test
    void networksInsideANeverReachableRangeAreLeftOut() {
        assertThat(EgressRanges.of(List.of("169.254.169.254/32", "10.96.0.10/32", "127.0.0.1/32"), CLUSTER)).isEmpty();
        assertThat(EgressRanges.neverReachable("169.254.169.254/32")).isTrue();
        assertThat(EgressRanges.neverReachable("8.8.8.8/32")).isFalse();
    }

    @Test
    void ipv6HasItsOwnClosedRanges() {
        EgressRanges.Block v6 = EgressRanges.of(List.of("::/0"), CLUSTER).get(0);
        assertThat(v6.cidr()).isEqualTo("::/0");
        assertThat(v6.except()).containsExactlyInAnyOrder("::1/128", "fe80::/10", "ff00::/8", "fc00::/7");
    }
}
