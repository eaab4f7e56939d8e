package dev.atelier.common.pagination;

import java.util.List;
import java.util.function.Function;

/**
 * One page of rows cut from a keyset query that fetched {@code first + 1} rows: the extra row only tells whether
 * another page follows.
 */
public record Slice<T>(List<T> rows, boolean hasNext) {

    public static <T> Slice<T> of(List<T> fetched, int first) {
        boolean more = fetched.size() > first;
        return new Slice<>(more ? List.copyOf(fetched.subList(0, first)) : List.copyOf(fetched), more);
    }

    /** PageInfo with the cursor of the last row on this page. */
    public PageInfo pageInfo(Function<T, Cursor> cursorOf) {
        return new PageInfo(hasNext, rows.isEmpty() ? null : cursorOf.apply(rows.get(rows.size() - 1)).encode());
    }
}
