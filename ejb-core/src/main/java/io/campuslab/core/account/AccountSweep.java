package io.campuslab.core.account;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.identity.DirectoryUnavailableException;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes removed members whose grace period has ended, every 15 seconds on every node: the
 * directory's account first (no sign-in can make them again), then the workspace, then the records.
 * Every step counts what is gone already as done, so two nodes, or a step that failed and is tried
 * at the next round, delete nothing twice and leave nothing behind. No transaction is open while the
 * directory or the cluster is asked.
 */
@Stateless
@RunAs(Roles.PLATFORM_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountSweep {

    private static final Logger LOG = Logger.getLogger(AccountSweep.class.getName());

    /** At most this many deletions a round; the next round takes the rest. */
    private static final int PER_ROUND = 20;

    @Inject
    AccountRecords records;

    @Inject
    IdentityDirectory directory;

    @Inject
    ClusterGateway cluster;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "account-sweep")
    void sweep() {
        List<Departure> due;
        try {
            due = records.dueForDeletion(PER_ROUND);
        } catch (RuntimeException e) {
            // the database out of reach: one line, and the next round asks again
            LOG.warning(() -> "Could not look for removed members to delete; the next round tries again: " + e);
            return;
        }
        for (Departure departure : due) {
            try {
                directory.deletePerson(departure.subject());
                if (departure.foldersOrNull() != null) {
                    departure.foldersOrNull().delete();
                }
                if (departure.claimOrNull() != null) {
                    cluster.removeWorkspace(departure.namespace(), departure.claimOrNull());
                }
                records.deleted(departure);
                LOG.info(() -> "Deleted " + departure.username() + " of " + departure.school() + " after the removal's grace period");
            } catch (DirectoryUnavailableException | ClusterUnavailableException | IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not yet delete " + departure.username() + " of " + departure.school()
                        + "; the next round tries again: " + e.getMessage(), e instanceof RuntimeException ? e : null);
            }
        }
    }
}
