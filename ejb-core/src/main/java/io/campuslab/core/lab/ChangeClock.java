package io.campuslab.core.lab;

/**
 * Which counter values this node has already told its pages of. A change made here is told at once
 * and its bump remembered; a higher value read from the database is another node's change, told when
 * the watch sees it. A bump made here after another node's change also covers that change: the other
 * node bumped only after its commit, so the pages refreshed here afterwards saw it.
 */
final class ChangeClock {

    private long told;

    /** This node bumped the counter to {@code version} after telling its pages. */
    synchronized void bumpedHere(long version) {
        told = Math.max(told, version);
    }

    /** The counter read from the database; whether the pages must be told of a change they have not seen. */
    synchronized boolean observed(long version) {
        if (version > told) {
            told = version;
            return true;
        }
        return false;
    }
}
