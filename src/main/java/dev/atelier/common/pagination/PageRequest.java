package dev.atelier.common.pagination;

import dev.atelier.common.error.AtelierException;

/** A validated page request: how many rows, and after which cursor (null for the first page). */
public record PageRequest(int first, Cursor after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** {@code first} defaults to 20 and is capped at 100; negative values and bad cursors are BAD_USER_INPUT. */
    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0) {
            throw AtelierException.badInput("first must not be negative");
        }
        return new PageRequest(Math.min(size, MAX_SIZE), after == null || after.isBlank() ? null : Cursor.decode(after));
    }
}
