package io.campuslab.devstack;

/** A part of the local stack did not come up; the message says which and where its log is. */
public class StackException extends Exception {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
