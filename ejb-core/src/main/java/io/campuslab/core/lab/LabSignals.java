package io.campuslab.core.lab;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the pages open on this server that labs changed: after a scheduler pass that changed any,
 * and after a member asked for or stopped one. Pages subscribe while they are shown and read what
 * concerns them anew; a page on another server of a cluster learns it by its own slow poll.
 */
@ApplicationScoped
public class LabSignals {

    private static final Logger LOG = Logger.getLogger(LabSignals.class.getName());

    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();

    /** Calls the listener after each change until the returned handle is closed. */
    public AutoCloseable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Labs changed: every listener is told, none can stop the others from hearing it. */
    public void labsChanged() {
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
