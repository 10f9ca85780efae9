package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.cluster.ObservedPod;
import io.campuslab.core.gateway.GatewayDirectory;
import io.campuslab.core.gateway.LabRoute;
import io.campuslab.domain.lab.LabState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Idle culling from the lab's own traffic, with a clock the test moves minute by minute: a student
 * who only works inside the lab (never opening the portal) keeps it; once she stops, the lab is in
 * its warning, then stopped as idle.
 */
class IdleByTrafficTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(60);
    private static final Duration WARNING = Duration.ofMinutes(10);
    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");

    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    @Test
    void workingOnlyInsideTheLabKeepsItAndStoppingGetsItWarnedThenCulled() {
        GatewayDirectory gateway = new GatewayDirectory(clock);
        gateway.useSecret("a gateway secret of thirty-two b".getBytes());
        gateway.replace(List.of(new LabRoute(7, "abcdefghijklmnopqrstuvwxyz", "north-high", "s-wendy", List.of("http"),
                new LabAccess(Map.of("http", new LabAccess.Endpoint("10.244.0.7", 8888)), "t"), Set.of(), Set.of())),
                Optional.empty());
        LabPlanner planner = new LabPlanner(new LabPlanner.Patience(Duration.ofMinutes(10), Duration.ofMinutes(5)), TIMEOUT, Duration.ofHours(8));
        List<ObservedPod> pods = List.of(new ObservedPod(7, "cl-north-high", "lab-7", "Running", "node-1", true, null, null, false, START));
        Instant recorded = START;

        Instant stoppedWorking = START.plus(Duration.ofMinutes(150));
        Instant warnedAt = null;
        Instant culledAt = null;
        for (int minute = 1; minute <= 300 && culledAt == null; minute++) {
            now = START.plus(Duration.ofMinutes(minute));
            if (now.isBefore(stoppedWorking) && minute % 7 == 0) {
                gateway.touch(7); // a kernel message, a file saved: traffic through the gateway
            }
            Instant written = gateway.trafficToWrite().get(7L);
            if (written != null && written.isAfter(recorded)) {
                recorded = written;
            }
            Instant idleStop = recorded.plus(TIMEOUT);
            if (warnedAt == null && !now.isBefore(idleStop.minus(WARNING))) {
                warnedAt = now;
            }
            LabPlan plan = planner.plan(List.of(LabPlannerTest.record(7, LabState.RUNNING, START, START, recorded)), pods, now);
            if (plan.stops().contains(new LabPlan.Stop(7, "lab.reason.idle"))) {
                culledAt = now;
            }
        }

        assertThat(warnedAt).as("warned only after she stopped").isAfter(stoppedWorking);
        assertThat(culledAt).as("culled an hour after her last traffic, not while she worked").isNotNull()
                .isAfter(warnedAt).isAfter(stoppedWorking.plus(TIMEOUT).minus(Duration.ofMinutes(8)));
        assertThat(Duration.between(warnedAt, culledAt)).isBetween(WARNING, WARNING.plus(Duration.ofMinutes(2)));
    }
}
