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

    static Prompt from(PromptRow row) {
        List<ProviderPrompt> variants = row.variants().items().stream()
                .map(v -> new ProviderPrompt(v.provider(), v.prompt(), v.negativePrompt()))
                .toList();
        return new Prompt(row.id().toString(), row.input(), row.category(), row.categoryConfidence(),
                row.enhanced(), row.negativePrompt(), variants, row.engine(), row.createdAt());
    }
}
