package dev.atelier.prompt;

import java.util.List;

/**
 * The provider variants of a prompt as stored in {@code prompts.variants}: a JSON object {@code {"items": [...]}}
 * rather than a bare array, because Hibernate Reactive binds JSON columns as objects only.
 */
public record StoredVariants(List<StoredVariant> items) {

    public StoredVariants {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static StoredVariants of(List<StoredVariant> items) {
        return new StoredVariants(items);
    }
}
