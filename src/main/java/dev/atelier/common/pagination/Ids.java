package dev.atelier.common.pagination;

import java.util.UUID;

import dev.atelier.common.error.AtelierException;

/** Parses GraphQL IDs, which are UUIDs everywhere in Atelier. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id.trim());
        } catch (RuntimeException e) {
            throw AtelierException.badInput("\"" + abbreviate(id) + "\" is not a valid " + what + " id");
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
