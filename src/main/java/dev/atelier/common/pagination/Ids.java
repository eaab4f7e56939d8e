package dev.atelier.common.pagination;

import java.util.UUID;
import java.util.regex.Pattern;

import dev.atelier.common.error.AtelierException;

/**
 * Parses GraphQL IDs, which are UUIDs everywhere in Atelier: the canonical 8-4-4-4-12 form in ASCII hex only (the
 * JDK's parser also takes other scripts' digits and short forms such as 1-1-1-1-1, which name no id Atelier issued).
 * A refusal does not repeat the input.
 */
public final class Ids {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID parse(String id, String what) {
        String trimmed = id == null ? "" : id.trim();
        if (!CANONICAL.matcher(trimmed).matches()) {
            throw AtelierException.badInput("That is not a valid " + what + " id: ids look like "
                    + "3f2b8c1e-6d4a-4b7e-9c2d-1a5e8f0b7c3d");
        }
        return UUID.fromString(trimmed);
    }
}
