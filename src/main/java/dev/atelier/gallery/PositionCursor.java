package dev.atelier.gallery;

import java.time.Instant;
import java.util.UUID;

import dev.atelier.common.pagination.Cursor;

/**
 * A cursor into a collection's ordered images: (position, image id), carried in the common opaque cursor format
 * with the position in its time field, so clients see one kind of cursor.
 */
record PositionCursor(int position, UUID id) {

    String encode() {
        return new Cursor(Instant.ofEpochSecond(position), id).encode();
    }

    static PositionCursor of(Cursor cursor) {
        return new PositionCursor((int) cursor.at().getEpochSecond(), cursor.id());
    }
}
