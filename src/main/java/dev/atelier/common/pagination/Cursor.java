package dev.atelier.common.pagination;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.atelier.common.error.AtelierException;

/**
 * An opaque keyset cursor: the (timestamp, id) of the last row of a page. It only says where to continue; every
 * query that takes one still filters by the caller, so a cursor crafted from another user's row reveals nothing.
 */
public record Cursor(Instant at, UUID id) {

    private static final String VERSION = "1";

    public String encode() {
        String raw = VERSION + "|" + at.getEpochSecond() + "|" + at.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor a client sent back; anything else is {@code BAD_USER_INPUT}. */
    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw AtelierException.badInput("The cursor is not valid; use an endCursor or edge cursor from a previous page");
        }
    }
}
