package dev.atelier.prompt;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** The answer to enhancePrompt: the stored prompt and how it was made. */
@Description("An enhanced prompt, stored in the caller's history.")
public record EnhancedPrompt(
        @NonNull @Id String id,
        @NonNull String input,
        @NonNull Category category,
        @NonNull @Description("0..1; 1 when the category was given.") double categoryConfidence,
        @NonNull @Description("The variant for the provider the caller would get by default.") String enhanced,
        @Description("What Stable Diffusion models should avoid.") String negativePrompt,
        @NonNull List<@NonNull ProviderPrompt> variants,
        @NonNull @Description("TEMPLATE or LLM.") String engine,
        @NonNull @Description("Whether the enhancement came from the cache.") boolean cached,
        @NonNull @Description("Time spent in the service, in milliseconds.") int latencyMs) {
}
