package io.campuslab.core.lab.admission;

/** Why one queued lab waits this pass, and what about (a GPU key, a node label); package-internal. */
record Verdict(WaitReason reason, String detail) {
}
