package io.campuslab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.lab.Fence;
import io.campuslab.core.lab.LeaseTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two portal nodes asking for the scheduler lease on one real MariaDB with the portal's own schema,
 * each on its own connection: one holds it at a time, a takeover gets the next fencing number, and a
 * node whose term ran out can neither renew nor write.
 */
class LeaseTableTest {

    private static final Duration TERM = Duration.ofMillis(400);
    private static EmbeddedDatabase database;
    private static int port;

    @BeforeAll
    static void startDatabase() throws Exception {
        Path home = ScratchDatabase.emptyFolder("lease-db");
        port = ScratchDatabase.freePort();
        database = EmbeddedDatabase.start(home, port, home.resolve("run/mariadb.pid"), false);
        Flyway.configure(LeaseTableTest.class.getClassLoader())
                .dataSource(ScratchDatabase.url(port), "campuslab", "campuslab")
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.stop();
        }
    }

    @BeforeEach
    void freeLease() throws SQLException {
        try (Connection db = connect()) {
            db.createStatement().executeUpdate("UPDATE scheduler_leases SET holder = '', expires_at = '2000-01-01 00:00:00'");
        }
    }

    @Test
    void oneNodeHoldsTheLeaseUntilItsTermRunsOutThenTheOtherTakesItOverWithTheNextNumber() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            Fence first = LeaseTable.acquire(a, "node-a", TERM).orElseThrow();
            assertThat(LeaseTable.acquire(b, "node-b", TERM)).as("node-a's term runs").isEmpty();
            assertThat(LeaseTable.acquire(a, "node-a", TERM)).as("renewed by its holder, same number").contains(first);
            assertThat(LeaseTable.holds(a, first)).isTrue();

            Thread.sleep(TERM.toMillis() + 100);
            Fence second = LeaseTable.acquire(b, "node-b", TERM).orElseThrow();
            assertThat(second.number()).isEqualTo(first.number() + 1);

            assertThat(LeaseTable.renew(a, first, TERM)).as("node-a, late, cannot renew").isFalse();
            assertThat(LeaseTable.holds(a, first)).as("nor write").isFalse();
            assertThat(LeaseTable.acquire(a, "node-a", TERM)).as("nor take it back while node-b's term runs").isEmpty();
            assertThat(LeaseTable.holds(b, second)).isTrue();
        }
    }

    @Test
    void aHolderWhoseTermRanOutWithoutATakeoverMayRenewButNotWriteUntilItDoes() throws Exception {
        try (Connection a = connect()) {
            Fence fence = LeaseTable.acquire(a, "node-a", TERM).orElseThrow();
            Thread.sleep(TERM.toMillis() + 100);
            assertThat(LeaseTable.holds(a, fence)).as("an expired term writes nothing").isFalse();
            assertThat(LeaseTable.renew(a, fence, TERM)).as("no one took it over meanwhile").isTrue();
            assertThat(LeaseTable.holds(a, fence)).isTrue();

            Thread.sleep(TERM.toMillis() + 100);
            Fence again = LeaseTable.acquire(a, "node-a", TERM).orElseThrow();
            assertThat(again.number()).as("taking it again after the term ran out fences out the old pass")
                    .isEqualTo(fence.number() + 1);
            assertThat(LeaseTable.renew(a, fence, TERM)).isFalse();
        }
    }

    @Test
    void aTakeoverWaitsForTheHoldersWriteInFlightAndThatWriteCommitsUnderTheOldNumber() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            Fence first = LeaseTable.acquire(a, "node-a", Duration.ofSeconds(1)).orElseThrow();
            a.setAutoCommit(false);
            assertThat(LeaseTable.holds(a, first)).isTrue();
            a.createStatement().executeUpdate("UPDATE scheduler_leases SET cluster_problem = 'written by node-a'");
            Thread.sleep(1_100);

            CompletableFuture<Optional<Fence>> takeover = CompletableFuture.supplyAsync(() -> {
                try {
                    return LeaseTable.acquire(b, "node-b", TERM);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(takeover).as("node-b waits for node-a's write in flight").isNotDone();
            a.commit();
            Fence second = takeover.get(10, TimeUnit.SECONDS).orElseThrow();
            assertThat(second.number()).isEqualTo(first.number() + 1);

            assertThat(LeaseTable.holds(a, first)).as("node-a's next write is refused").isFalse();
            a.rollback();
            a.setAutoCommit(true);
            try (var row = b.createStatement().executeQuery("SELECT cluster_problem FROM scheduler_leases")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("written by node-a");
            }
        }
    }

    @Test
    void aNodeThatShutsDownHandsTheLeaseOnAtOnce() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            Fence first = LeaseTable.acquire(a, "node-a", Duration.ofMinutes(5)).orElseThrow();
            LeaseTable.release(b, "node-c");
            assertThat(LeaseTable.acquire(b, "node-b", TERM)).as("only the holder releases it").isEmpty();
            LeaseTable.release(a, "node-a");
            assertThat(LeaseTable.acquire(b, "node-b", TERM).orElseThrow().number()).isEqualTo(first.number() + 1);
        }
    }

    private static Connection connect() throws SQLException {
        return ScratchDatabase.connect(port);
    }
}
