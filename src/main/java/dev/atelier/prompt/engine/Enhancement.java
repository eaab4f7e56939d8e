package dev.atelier.prompt.engine;

import java.util.List;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.provider.ProviderId;

/**
 * The result of enhancing one idea, before it is stored: the category, a variant per provider, the Stable
 * Diffusion negative prompt, and which engine made it.
 */
public record Enhancement(Category category, double categoryConfidence, List<ProviderPrompt> variants,
        String negativePrompt, String engine) {

    public static final String TEMPLATE = "TEMPLATE";
    public static final String LLM = "LLM";

    public ProviderPrompt variant(ProviderId provider) {
        return variants.stream().filter(v -> v.provider() == provider).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant for " + provider));
    }
}
