package io.campuslab.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/** An embedded MariaDB of a test's own: an empty folder under target/, a free port, connections as the portal's user. */
final class ScratchDatabase {

    static {
        // the build gives the tests a temporary folder of their own (java.io.tmpdir), as ./campuslab does
        new java.io.File(System.getProperty("java.io.tmpdir")).mkdirs();
    }

    private ScratchDatabase() {
    }

    /** The folder {@code target/<name>}, emptied. */
    static Path emptyFolder(String name) throws IOException {
        Path root = Path.of("target", name).toAbsolutePath();
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return root;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String url(int port) {
        return "jdbc:mysql://localhost:" + port + "/campuslab";
    }

    static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(url(port), "campuslab", "campuslab");
    }
}
