package io.campuslab.core.lab.admission;

/** Why a queued lab does not start yet; each has a message key under {@code lab.wait.}. */
public enum WaitReason {
    /** The user holds as many labs as they may. */
    USER_LABS,
    /** The school holds as many labs as it may. */
    SCHOOL_LABS,
    /** The school's CPU quota is used up. */
    SCHOOL_CPU,
    /** The school's memory quota is used up. */
    SCHOOL_MEMORY,
    /** The school's GPUs (of this type, or in total) are used up. */
    SCHOOL_GPUS,
    /** No node has a free GPU of this type. */
    NO_FREE_GPU,
    /** No node with the labels asked for has room. */
    NO_MATCHING_NODE,
    /** No node has enough free CPU or memory. */
    NO_ROOM,
    /** Nothing is wrong with the lab: an earlier request of the same user goes first. */
    BEHIND_OWN_REQUEST,
    /** The room left is reserved for a class session (named in the detail). */
    RESERVED,
    /** A session lab: labs that used the session's seats meanwhile are giving them back. */
    RECLAIMING;

    public String messageKey() {
        return "lab.wait." + name().toLowerCase().replace('_', '-');
    }
}
