package io.campuslab.devcluster;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The fault the dev-cluster plays now, if any; switched by tests while the cluster runs. */
public final class Faults {

    private final AtomicReference<Fault> current = new AtomicReference<>();
    private volatile ApiFrontDoor frontDoor;

    /** The door that closes while the fault is {@link Fault.Kind#DOWN}. */
    void attach(ApiFrontDoor door) {
        this.frontDoor = door;
    }

    /** Plays the fault from now on, in place of any other. */
    public void inject(Fault fault) {
        current.set(fault);
        if (fault.kind() == Fault.Kind.DOWN) {
            frontDoor.refuse();
        } else {
            frontDoor.reopen();
        }
    }

    /** The API answers normally again. */
    public void clear() {
        current.set(null);
        frontDoor.reopen();
    }

    Optional<Fault> current() {
        return Optional.ofNullable(current.get());
    }
}
