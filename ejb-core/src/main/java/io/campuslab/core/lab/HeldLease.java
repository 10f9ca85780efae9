package io.campuslab.core.lab;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The lease held for one pass: renewed in the database once a third of its term has gone by since
 * the last renewal, so a pass that waits on a slow cluster keeps it; lost for good as soon as a
 * renewal fails. Provisioning lanes call it from several threads.
 */
final class HeldLease implements PassLease {

    /** Renews the lease in the database: whether this fence still holds it, for the term from now. */
    interface Renewal {
        boolean renew(Fence fence, Duration term);
    }

    private final Renewal renewal;
    private final Fence fence;
    private final Duration term;
    private final LongSupplier nanoTime;
    private long renewedAt;
    private boolean lost;

    HeldLease(Renewal renewal, Fence fence, Duration term, LongSupplier nanoTime) {
        this.renewal = renewal;
        this.fence = fence;
        this.term = term;
        this.nanoTime = nanoTime;
        this.renewedAt = nanoTime.getAsLong();
    }

    @Override
    public Fence fence() {
        return fence;
    }

    @Override
    public synchronized void keep() throws LeaseLostException {
        if (!lost && nanoTime.getAsLong() - renewedAt >= term.toNanos() / 3) {
            long asked = nanoTime.getAsLong();
            lost = !renewal.renew(fence, term);
            renewedAt = asked;
        }
        if (lost) {
            throw new LeaseLostException(fence);
        }
    }
}
