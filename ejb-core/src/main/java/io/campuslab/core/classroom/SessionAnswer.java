package io.campuslab.core.classroom;

import java.io.Serializable;
import java.util.List;

/**
 * Whether a session fits, in words: a message key ({@code session.fits}, or why not) and its
 * arguments, already formatted for the teacher's time zone.
 *
 * @param occurrences how many times the session takes place
 */
public record SessionAnswer(boolean fits, String messageKey, List<String> arguments, int occurrences) implements Serializable {

    public SessionAnswer {
        arguments = List.copyOf(arguments);
    }
}
