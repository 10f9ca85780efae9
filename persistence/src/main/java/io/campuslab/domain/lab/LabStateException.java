package io.campuslab.domain.lab;

/** A change of state the lab's life does not allow, such as starting a stopped lab again. */
public class LabStateException extends RuntimeException {

    private final LabState from;
    private final LabState to;

    public LabStateException(LabState from, LabState to) {
        super("A lab cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public LabState from() {
        return from;
    }

    public LabState to() {
        return to;
    }
}
