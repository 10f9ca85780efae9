package io.campuslab.devstack;

import java.time.Duration;

/** A server process of the stack the {@link Supervisor} watches: WildFly, Keycloak, the embedded database. */
interface StackServer {

    String name();

    boolean isAlive();

    /** How it ended, once it has: {@code exit 137}, or what is known. */
    String ending();

    /** Where to read what it said, for a message. */
    String whereToLook();

    /** The process to kill for the tests of a crash (for a start script, the script; its children follow). */
    ProcessHandle handle();

    void stop(Duration grace);
}
