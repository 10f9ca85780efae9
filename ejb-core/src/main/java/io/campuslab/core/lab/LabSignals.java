package io.campuslab.core.lab;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the pages open on every portal node that labs changed: after a scheduler pass that changed
 * any, and after a member asked for or stopped one. Within a transaction, only once it has
 * committed. Pages on this node are told at once; the change is counted in the database
 * ({@link ChangeCounter}) just after, where the other nodes' {@link ChangeWatch} sees it within a
 * second. Pages subscribe while they are shown and read what concerns them anew.
 */
@ApplicationScoped
public class LabSignals {

    private static final Logger LOG = Logger.getLogger(LabSignals.class.getName());

    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private final ChangeClock clock = new ChangeClock();

    @Inject
    ChangeCounter counter;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService bumps;

    private final AtomicBoolean bumpPending = new AtomicBoolean();

    /** Calls the listener after each change until the returned handle is closed. */
    public AutoCloseable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Labs changed: once the current transaction commits (or now, without one), every node's pages are told. */
    public void labsChanged() {
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // told only after the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        changed();
                    }
                }
            });
        } else {
            changed();
        }
    }

    /**
     * Tells this node's pages, then counts the change for the other nodes on a thread of its own:
     * the caller never waits for (nor holds) a second database connection, and a burst of changes
     * is counted by a few bumps, not one each.
     */
    private void changed() {
        tellPages();
        if (bumpPending.compareAndSet(false, true)) {
            try {
                bumps.execute(this::bump);
            } catch (RuntimeException e) {
                bumpPending.set(false);
                LOG.log(Level.FINE, "The other portal nodes could not be told that labs changed; their pages poll", e);
            }
        }
    }

    private void bump() {
        // cleared first: a change made while this bump runs is counted by the next one
        bumpPending.set(false);
        try {
            clock.bumpedHere(counter.bump());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The other portal nodes could not be told that labs changed; their pages poll", e);
        }
    }

    /** The watch read the database's counter: the pages are told if another node changed labs meanwhile. */
    void observed(long version) {
        if (clock.observed(version)) {
            tellPages();
        }
    }

    /** Every listener is told, none can stop the others from hearing it. */
    private void tellPages() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A page could not be told that labs changed", e);
            }
        }
    }

    int listeners() {
        return listeners.size();
    }
}
