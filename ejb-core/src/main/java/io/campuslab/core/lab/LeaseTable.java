package io.campuslab.core.lab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The scheduler lease's row, read and written in plain JDBC on the caller's connection and inside
 * its transaction, timed by the database's clock ({@code NOW(6)}). Plain JDBC so that the very same
 * statements are tried by two simulated nodes against a real MariaDB without the server
 * ({@code LeaseTableTest}).
 */
public final class LeaseTable {

    private LeaseTable() {
    }

    /**
     * Takes the lease for {@code term} from now: renews it when this holder has it, takes it over
     * when it has expired. A takeover, or taking it again after its own term ran out, gets the next
     * fencing number.
     *
     * @return the fence of this holding; empty while another node holds the lease
     */
    public static Optional<Fence> acquire(Connection db, String holder, Duration term) throws SQLException {
        // fence is assigned first so that it sees the holder and term from before this update
        try (BriefLockWait brief = new BriefLockWait(db); PreparedStatement take = db.prepareStatement("UPDATE scheduler_leases"
                + " SET fence = IF(holder = ? AND expires_at >= NOW(6), fence, fence + 1),"
                + " holder = ?, expires_at = TIMESTAMPADD(MICROSECOND, ?, NOW(6))"
                + " WHERE name = 'labs' AND (holder = ? OR expires_at < NOW(6))")) {
            take.setString(1, holder);
            take.setString(2, holder);
            take.setLong(3, micros(term));
            take.setString(4, holder);
            if (take.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement read = db.prepareStatement("SELECT fence FROM scheduler_leases WHERE name = 'labs'");
             ResultSet row = read.executeQuery()) {
            row.next();
            return Optional.of(new Fence(holder, row.getLong(1)));
        }
    }

    /** Extends this fence's lease for {@code term} from now; false once another node took it over. */
    public static boolean renew(Connection db, Fence fence, Duration term) throws SQLException {
        try (BriefLockWait brief = new BriefLockWait(db); PreparedStatement renew = db.prepareStatement("UPDATE scheduler_leases"
                + " SET expires_at = TIMESTAMPADD(MICROSECOND, ?, NOW(6))"
                + " WHERE name = 'labs' AND holder = ? AND fence = ?")) {
            renew.setLong(1, micros(term));
            renew.setString(2, fence.holder());
            renew.setLong(3, fence.number());
            return renew.executeUpdate() == 1;
        }
    }

    /**
     * Whether the fence holds an unexpired lease; the row stays share-locked until the caller's
     * transaction ends, so a takeover waits for the caller's writes to commit or roll back.
     */
    public static boolean holds(Connection db, Fence fence) throws SQLException {
        try (PreparedStatement check = db.prepareStatement("SELECT fence FROM scheduler_leases WHERE name = 'labs'"
                + " AND holder = ? AND fence = ? AND expires_at > NOW(6) LOCK IN SHARE MODE")) {
            check.setString(1, fence.holder());
            check.setLong(2, fence.number());
            try (ResultSet row = check.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Ends the holder's term now, so that the next node to ask takes the lease at once. */
    public static void release(Connection db, String holder) throws SQLException {
        try (PreparedStatement release = db.prepareStatement("UPDATE scheduler_leases"
                + " SET expires_at = '2000-01-01 00:00:00' WHERE name = 'labs' AND holder = ?")) {
            release.setString(1, holder);
            release.executeUpdate();
        }
    }

    /**
     * Asking for the lease never waits long for its row: a transaction of a node that died mid-write
     * may hold it until the database notices, and the next pass asks again. The connection's own
     * wait is restored afterwards (connections are pooled).
     */
    private static final class BriefLockWait implements AutoCloseable {

        private final Connection db;
        private final long before;

        BriefLockWait(Connection db) throws SQLException {
            this.db = db;
            try (PreparedStatement read = db.prepareStatement("SELECT @@SESSION.innodb_lock_wait_timeout");
                 ResultSet row = read.executeQuery()) {
                row.next();
                before = row.getLong(1);
            }
            set(LEASE_LOCK_WAIT_SECONDS);
        }

        private void set(long seconds) throws SQLException {
            try (PreparedStatement set = db.prepareStatement("SET SESSION innodb_lock_wait_timeout = " + seconds)) {
                set.execute();
            }
        }

        @Override
        public void close() throws SQLException {
            set(before);
        }
    }

    /** How long asking for or renewing the lease waits for its row, at most. */
    static final int LEASE_LOCK_WAIT_SECONDS = 3;

    private static long micros(Duration term) {
        return term.toNanos() / 1000;
    }
}
