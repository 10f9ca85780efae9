package io.campuslab.core.lab;

import jakarta.ejb.ApplicationException;

/**
 * The scheduler's lease lapsed or was taken over by another node during a pass: the pass stops
 * where it is, and the write that found out is rolled back.
 */
@ApplicationException(rollback = true)
public class LeaseLostException extends Exception {

    public LeaseLostException(Fence fence) {
        super("The scheduler lease of " + fence.holder() + " (fencing number " + fence.number()
                + ") has lapsed or was taken over", null, false, false);
    }
}
