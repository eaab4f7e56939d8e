package dev.atelier.prompt.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.StylePreferences;
import dev.atelier.prompt.dialect.NaturalSentenceDialect;
import dev.atelier.prompt.dialect.PhotographicDialect;
import dev.atelier.prompt.dialect.ProviderDialect;
import dev.atelier.prompt.dialect.StableDiffusionDialect;
import dev.atelier.prompt.dialect.WrittenPrompt;
import dev.atelier.provider.ProviderId;

/**
 * The offline enhancer: detect the category (unless given), plan the phrases, phrase them for every provider.
 * Pure and deterministic: no I/O, same input and options, same output.
 */
public final class TemplateEnhancer {

    private static final int DEFAULT_MAX_CHARS = 2000;

    private final CategoryDetector detector;
    private final TemplatePlanner planner = new TemplatePlanner();
    private final List<ProviderDialect> dialects = List.of(
            new NaturalSentenceDialect(ProviderId.OPENAI),
            new PhotographicDialect(),
            new StableDiffusionDialect(ProviderId.STABILITY),
            new StableDiffusionDialect(ProviderId.SDWEBUI),
            new NaturalSentenceDialect(ProviderId.LOCAL));
    private final Map<String, Integer> maxChars;

    public TemplateEnhancer(CategoryDetector detector, Map<String, Integer> maxChars) {
        this.detector = detector;
        this.maxChars = Map.copyOf(maxChars);
    }

    /**
     * @param subject  cleaned user input (see {@link PromptText#clean})
     * @param category the caller's category, or null to detect it
     */
    public Enhancement enhance(String subject, Category category, StylePreferences style, long seed) {
        // emoji are read as their names, so every provider (and a text encoder that cannot read emoji) gets the word
        String understood = PromptText.nameEmoji(subject);
        CategoryGuess guess = category != null ? new CategoryGuess(category, 1.0) : detector.detect(understood);
        return fromPlan(planner.plan(understood, guess.category(), style, seed), guess.confidence());
    }

    /** Phrases an existing plan for every provider. */
    public Enhancement fromPlan(PromptPlan plan, double confidence) {
        List<ProviderPrompt> variants = new ArrayList<>(dialects.size());
        for (ProviderDialect dialect : dialects) {
            variants.add(dialect.render(plan, maxChars(dialect.provider())));
        }
        return new Enhancement(plan.category(), confidence, List.copyOf(variants), plan.negative(), Enhancement.TEMPLATE);
    }

    /** A prompt written elsewhere (an LLM's draft), phrased for every provider by the same dialects. */
    public List<ProviderPrompt> phrase(WrittenPrompt draft) {
        List<ProviderPrompt> variants = new ArrayList<>(dialects.size());
        for (ProviderDialect dialect : dialects) {
            variants.add(dialect.written(draft, maxChars(dialect.provider())));
        }
        return List.copyOf(variants);
    }

    public CategoryGuess detect(String subject) {
        return detector.detect(subject);
    }

    public int maxChars(ProviderId provider) {
        return maxChars.getOrDefault(provider.name(), DEFAULT_MAX_CHARS);
    }
}
