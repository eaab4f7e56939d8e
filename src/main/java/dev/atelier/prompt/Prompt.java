package dev.atelier.prompt;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A prompt from the caller's history. */
@Description("A prompt from the caller's history.")
public record Prompt(
        @NonNull @Id String id,
        @NonNull String input,
        @NonNull Category category,
        Double categoryConfidence,
        @NonNull String enhanced,
        String negativePrompt,
        @NonNull List<@NonNull ProviderPrompt> variants,
        @NonNull String engine,
        @NonNull Instant createdAt) {

    static Prompt from(PromptEntity entity) {
        List<ProviderPrompt> variants = entity.variants.items().stream()
                .map(v -> new ProviderPrompt(v.provider(), v.prompt(), v.negativePrompt()))
                .toList();
        return new Prompt(entity.id.toString(), entity.input, entity.category, entity.categoryConfidence,
                entity.enhanced, entity.negativePrompt, variants, entity.engine, entity.createdAt);
    }
}
