package io.campuslab.core.lab;

/** The lease a scheduler pass runs under: its fence for the books, and a way to keep it during the pass. */
public interface PassLease {

    /** What every write of the pass is checked against. */
    Fence fence();

    /**
     * Renews the lease when it is due; called before each step that writes, so a long pass keeps it.
     *
     * @throws LeaseLostException once the lease is another node's, or lapsed
     */
    void keep() throws LeaseLostException;

    /** A lease that is always held, for a single scheduler without a database (tests, benchmarks). */
    static PassLease sole() {
        Fence fence = new Fence("sole", 1);
        return new PassLease() {
            @Override
            public Fence fence() {
                return fence;
            }

            @Override
            public void keep() {
                // no other node to lose it to
            }
        };
    }
}
