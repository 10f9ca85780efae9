package io.campuslab.web.layout;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the portal cannot reach its database (down, restarting, no connection to
 * be had): people are told so, and that nothing they saved is lost, instead of an unexpected error.
 */
public final class DatabaseOutage {

    /** What people are told, in their language. */
    public static final String MESSAGE_KEY = "error.database.unreachable";

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLRecoverableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof jakarta.resource.ResourceException) {
                return true;
            }
        }
        return false;
    }
}
