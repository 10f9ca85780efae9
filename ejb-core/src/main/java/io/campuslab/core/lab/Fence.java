package io.campuslab.core.lab;

/**
 * One taking of the scheduler's lease: the node that holds it and the fencing number that taking
 * got. Every scheduler write checks both in its own transaction; a node whose lease was taken over
 * meanwhile finds a higher number there and writes nothing.
 */
public record Fence(String holder, long number) {
}
