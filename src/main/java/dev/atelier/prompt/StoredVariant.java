package dev.atelier.prompt;

import dev.atelier.provider.ProviderId;

/** One provider-specific phrasing of an enhanced prompt, as kept in {@code prompts.variants} (jsonb). */
public record StoredVariant(ProviderId provider, String prompt, String negativePrompt) {
}
