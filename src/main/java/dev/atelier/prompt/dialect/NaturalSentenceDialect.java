package dev.atelier.prompt.dialect;

import java.util.ArrayList;
import java.util.List;

import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.engine.PromptPlan;
import dev.atelier.prompt.engine.PromptText;
import dev.atelier.provider.ProviderId;

/**
 * Natural sentences, as OpenAI's image models follow them best (and readable enough for the LOCAL preview):
 * 15-80 words where the idea allows it. Optional phrases are dropped, least important first, to stay within the
 * word and character budget; the subject is never cut unless it alone exceeds the provider's limit.
 */
public final class NaturalSentenceDialect implements ProviderDialect {

    static final int MAX_WORDS = 80;

    private final ProviderId provider;

    public NaturalSentenceDialect(ProviderId provider) {
        this.provider = provider;
    }

    @Override
    public ProviderId provider() {
        return provider;
    }

    @Override
    public ProviderPrompt render(PromptPlan plan, int maxChars) {
        // drop order when over budget: mood, camera, composition, detail, lighting, quality
        boolean[] keep = { true, true, true, true, true, true };
        String text = compose(plan, keep);
        int[] dropOrder = { 4, 2, 1, 0, 3, 5 };
        for (int i = 0; i < dropOrder.length && tooLong(text, maxChars); i++) {
            keep[dropOrder[i]] = false;
            text = compose(plan, keep);
        }
        return new ProviderPrompt(provider, ProviderDialect.fit(text, maxChars), null);
    }

    @Override
    public ProviderPrompt written(WrittenPrompt draft, int maxChars) {
        return new ProviderPrompt(provider, ProviderDialect.fit(draft.prose(), maxChars), null);
    }

    private static boolean tooLong(String text, int maxChars) {
        return text.length() > maxChars || PromptText.wordCount(text) > MAX_WORDS;
    }

    /** keep: detail, composition, camera, lighting, mood, quality. */
    private static String compose(PromptPlan plan, boolean[] keep) {
        Phrases phrases = new Phrases(plan.subject());
        String subject = ProviderDialect.subject(plan);
        String opening = plan.lead() == null ? subject : plan.lead() + " " + subject;
        List<String> sentences = new ArrayList<>();
        String detail = keep[0] && phrases.add(plan.detail()) ? " " + plan.detail() : "";
        sentences.add(ProviderDialect.sentence(opening + detail));

        List<String> scene = new ArrayList<>();
        if (keep[1] && phrases.add(plan.composition())) {
            scene.add(plan.composition());
        }
        if (keep[3] && phrases.add(plan.lighting())) {
            scene.add(plan.lighting());
        }
        if (!scene.isEmpty()) {
            sentences.add(ProviderDialect.sentence(String.join(", in ", scene)));
        }
        if (keep[2] && phrases.add(plan.camera())) {
            sentences.add(ProviderDialect.sentence(plan.camera()));
        }
        List<String> finish = new ArrayList<>();
        if (keep[4] && phrases.add(plan.mood())) {
            finish.add(plan.mood() + " mood");
        }
        if (phrases.add(plan.palette())) {
            finish.add(plan.palette());
        }
        String quality = ProviderDialect.withoutTagCliches(plan.quality());
        if (keep[5] && phrases.add(quality)) {
            finish.add(quality);
        }
        if (!finish.isEmpty()) {
            sentences.add(ProviderDialect.sentence(String.join(", ", finish)));
        }
        return String.join(" ", sentences);
    }
}
