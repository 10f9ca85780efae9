package io.campuslab.core.lab;

import io.campuslab.core.lab.admission.Admission;
import java.util.List;
import java.util.Map;

/**
 * What a scheduler pass reads and writes of the labs: the database in the server
 * ({@link LabLedger}), a map in the benchmarks. Each call stands alone, as its own transaction; each
 * write first checks the pass's {@link Fence} in that transaction and refuses to write once another
 * node holds the lease.
 */
public interface LabBooks {

    /** Every lab that is not over, with its blueprint. */
    List<LabRecord> activeLabs();

    /** The class sessions' seats held now. */
    List<io.campuslab.core.lab.admission.Reserved> reservations();

    /**
     * Queues the labs of the class sessions whose preparation is due, once per session.
     *
     * @return how many labs were queued
     */
    int prepareSessions(Fence fence) throws LeaseLostException;

    /** What each school may hold and what its namespace must say, read together once a pass. */
    SchoolBooks schools();

    /** Records what the cluster said of the labs. */
    void recordObservations(Fence fence, LabPlan plan) throws LeaseLostException;

    /** Records which labs were admitted, why the others wait, and by when they start at the latest. */
    void recordAdmission(Fence fence, Admission admission, Map<Long, java.time.Instant> startsBy) throws LeaseLostException;

    /** Which of these labs are still to be provisioned (a lab stopped meanwhile is not). */
    java.util.Set<Long> stillProvisioning(java.util.Collection<Long> ids);

    /** The cluster refused a lab's objects. */
    void refused(Fence fence, long labId, String detail) throws LeaseLostException;
}
