package io.campuslab.domain.lab;

/** Why a lab exists: a member started it, or a class session prepared it. */
public enum LabOrigin {
    SELF_SERVICE,
    SESSION
}
