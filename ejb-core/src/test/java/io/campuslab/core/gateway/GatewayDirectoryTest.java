package io.campuslab.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.gateway.GatewayPasses.Kind;
import io.campuslab.core.gateway.GatewayPasses.Pass;
import io.campuslab.core.gateway.GatewayPasses.Standing;
import java.nio.channels.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who the gateway lets into which lab, for how long, and what it does when that changes. */
class GatewayDirectoryTest {

    private static final byte[] SECRET = "a gateway secret of thirty-two b".getBytes();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T09:00:00Z"));
    private final GatewayDirectory directory = new GatewayDirectory(clock);
    private final LabRoute sams = route(7, "samslabkeyaaaaaaaaaaaaaaaa", "s-sam", Set.of("s-tom"));
    private final LabRoute sues = route(8, "sueslabkeybbbbbbbbbbbbbbbb", "s-sue", Set.of());

    GatewayDirectoryTest() {
        directory.useSecret(SECRET);
        directory.replace(List.of(sams, sues), Optional.empty());
    }

    @Test
    void aTicketOpensItsLabOnceForItsOwnerAndForNobodyElse() {
        String ticket = directory.ticket(7, "s-sam", Standing.OWNER);

        assertThat(directory.redeem(ticket, sues)).as("another lab").isEmpty();
        Optional<Pass> entered = directory.redeem(ticket, sams);
        assertThat(entered).isPresent();
        assertThat(directory.redeem(ticket, sams)).as("used once").isEmpty();
        assertThat(directory.redeem(directory.ticket(7, "s-sue", Standing.OWNER), sams)).as("she does not own it").isEmpty();
        assertThat(directory.redeem(directory.ticket(7, "s-sue", Standing.TEACHER), sams)).as("nor teach it").isEmpty();

        String late = directory.ticket(7, "s-sam", Standing.OWNER);
        clock.move(Duration.ofSeconds(61));
        assertThat(directory.redeem(late, sams)).as("a minute old").isEmpty();
    }

    @Test
    void aCookieIsForItsLabAndItsHolderAndRenewedBeforeItRunsOut() {
        Pass pass = directory.redeem(directory.ticket(7, "s-sam", Standing.OWNER), sams).orElseThrow();
        String cookie = directory.cookie(pass);

        assertThat(directory.admit(cookie, sams)).isPresent();
        assertThat(directory.admit(cookie, sues)).as("carried to another lab").isEmpty();
        assertThat(cookie).startsWith("C.7.");
        assertThat(directory.admit("C.8." + cookie.substring(4), route(8, sams.key(), "s-sam", Set.of()))).as("its lab changed").isEmpty();
        String mac = cookie.substring(cookie.lastIndexOf('.') + 1);
        String otherMac = (mac.charAt(0) == 'A' ? "B" : "A") + mac.substring(1);
        assertThat(directory.admit(cookie.substring(0, cookie.lastIndexOf('.') + 1) + otherMac, sams)).as("its signature changed").isEmpty();
        assertThat(directory.admit(directory.ticket(7, "s-sam", Standing.OWNER), sams)).as("a ticket is no cookie").isEmpty();

        clock.move(Duration.ofMinutes(16));
        assertThat(directory.renewal(directory.admit(directory.cookie(pass), sams).orElseThrow())).as("a fresh cookie").isEmpty();
        Pass half = directory.admit(cookie, sams).orElseThrow();
        assertThat(half.dueForRenewal(clock.instant())).isTrue();
        String renewed = directory.renewal(half).orElseThrow();
        clock.move(Duration.ofMinutes(15));
        assertThat(directory.admit(cookie, sams)).as("half an hour old").isEmpty();
        assertThat(directory.admit(renewed, sams)).isPresent();
    }

    @Test
    void losingTheRightClosesTheConnectionsAndTheLabsStopClosesThemToo() {
        Pass teacher = directory.redeem(directory.ticket(7, "s-tom", Standing.TEACHER), sams).orElseThrow();
        Pass owner = directory.redeem(directory.ticket(7, "s-sam", Standing.OWNER), sams).orElseThrow();
        FakeChannel toms = new FakeChannel();
        FakeChannel samsSocket = new FakeChannel();
        directory.hold(7, teacher, toms);
        directory.hold(7, owner, samsSocket);

        directory.replace(List.of(route(7, sams.key(), "s-sam", Set.of()), sues), Optional.empty());
        assertThat(toms.isOpen()).as("the session is over: the teacher's WebSocket closes").isFalse();
        assertThat(samsSocket.isOpen()).isTrue();
        assertThat(directory.admit(directory.cookie(teacher), directory.route(sams.key()).orElseThrow())).isEmpty();

        directory.replace(List.of(sues), Optional.empty());
        assertThat(samsSocket.isOpen()).as("the lab stopped").isFalse();
        assertThat(directory.route(sams.key())).isEmpty();
        assertThat(directory.heldConnections()).isZero();
    }

    @Test
    void trafficIsWrittenAtMostOnceAMinutePerLab() {
        directory.touch(7);
        assertThat(directory.trafficToWrite()).containsOnlyKeys(7L);
        clock.move(Duration.ofSeconds(30));
        directory.touch(7);
        directory.touch(8);
        assertThat(directory.trafficToWrite()).as("lab 7 was written 30 s ago").containsOnlyKeys(8L);
        clock.move(Duration.ofSeconds(31));
        directory.touch(7);
        assertThat(directory.trafficToWrite()).containsEntry(7L, clock.instant());
    }

    @Test
    void aPassSignedWithAnotherSecretOrMalformedIsNoPass() {
        GatewayPasses other = new GatewayPasses("another secret of thirty-two byt".getBytes());
        String forged = other.issue(Kind.COOKIE, 7, "s-sam", Standing.OWNER, clock.instant());
        assertThat(directory.admit(forged, sams)).isEmpty();
        for (String junk : List.of("", ".", "C.7", "C.7.x.O.1.n.", "x".repeat(700), "C.7.czs.O.99999999999.bm9uY2U.AAAA")) {
            assertThat(directory.admit(junk, sams)).as(junk).isEmpty();
        }
    }

    private static LabRoute route(long id, String key, String owner, Set<String> teachers) {
        return new LabRoute(id, key, "north-high", owner, List.of("http"),
                new LabAccess(Map.of("http", new LabAccess.Endpoint("10.244.0." + id, 8888)), "token-" + id), teachers, Set.of());
    }

    private static final class FakeChannel implements Channel {
        private boolean open = true;

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
