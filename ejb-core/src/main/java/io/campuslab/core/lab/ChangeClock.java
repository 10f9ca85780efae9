package io.campuslab.core.lab;

import java.util.TreeSet;

/**
 * Which values of the database's change counter this node's pages have been told of. The counter
 * moves by one per bump. A change made here is told at once, and the value its bump got is this
 * node's own; when the watch reads a higher value, the pages are told again unless every value in
 * between was a bump of this node's — any other is another node's change, which the pages may have
 * missed.
 */
final class ChangeClock {

    private long told;
    private final TreeSet<Long> ownBumps = new TreeSet<>();

    /** This node bumped the counter to {@code version}, for a change its pages were told of already. */
    synchronized void bumpedHere(long version) {
        if (version > told) {
            ownBumps.add(version);
        }
    }

    /** The counter read from the database; whether the pages must be told of a change they have not seen. */
    synchronized boolean observed(long version) {
        if (version <= told) {
            return false;
        }
        boolean foreign = false;
        for (long value = told + 1; value <= version && !foreign; value++) {
            foreign = !ownBumps.contains(value);
        }
        told = version;
        ownBumps.headSet(version, true).clear();
        return foreign;
    }
}
