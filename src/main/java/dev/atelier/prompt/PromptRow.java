package dev.atelier.prompt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One enhancement the user asked for: their input, what it became, and each provider's variant. */
public record PromptRow(UUID id, UUID userId, String input, Category category, Double categoryConfidence,
        Map<String, String> style, String enhanced, String negativePrompt, StoredVariants variants, String engine,
        Instant createdAt) {

    public PromptRow {
        style = style == null ? Map.of() : Map.copyOf(style);
        variants = variants == null ? StoredVariants.of(List.of()) : variants;
    }
}
