package io.campuslab.web.api;

import java.io.IOException;

/** What may still be read of a request body: each read spends from it, and reading past it fails (413). */
final class BodyBudget {

    private final long limit;
    private final String what;
    private long read;

    /** @param what the body's kind in words, for the failure */
    BodyBudget(long limit, String what) {
        this.limit = limit;
        this.what = what;
    }

    /** Counts what a read returned (a negative count is the end); fails once the limit is passed. */
    int spend(int bytes) throws JsonBodyLimitFilter.BodyTooLargeException {
        read += Math.max(bytes, 0);
        if (read > limit) {
            throw new JsonBodyLimitFilter.BodyTooLargeException(what);
        }
        return bytes;
    }

    /** The same for a single byte read ({@code -1} at the end). */
    int spendOne(int b) throws JsonBodyLimitFilter.BodyTooLargeException {
        spend(b < 0 ? 0 : 1);
        return b;
    }
}
