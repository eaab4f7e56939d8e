package dev.atelier.prompt.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.engine.PromptPlan;
import dev.atelier.provider.ProviderId;

/**
 * Descriptive photographic sentences for Google's Imagen and Gemini image models, which respond best to prose
 * that names subject, setting, light, lens and style, and which have no weight syntax.
 */
public final class PhotographicDialect implements ProviderDialect {

    @Override
    public ProviderId provider() {
        return ProviderId.GOOGLE;
    }

    @Override
    public ProviderPrompt render(PromptPlan plan, int maxChars) {
        String full = compose(plan, true);
        String text = full.length() <= maxChars ? full : compose(plan, false);
        return new ProviderPrompt(ProviderId.GOOGLE, ProviderDialect.fit(text, maxChars), null);
    }

    @Override
    public ProviderPrompt written(WrittenPrompt draft, int maxChars) {
        return new ProviderPrompt(ProviderId.GOOGLE, ProviderDialect.fit(draft.prose(), maxChars), null);
    }

    private static String compose(PromptPlan plan, boolean rich) {
        Phrases phrases = new Phrases(plan.subject());
        String subject = ProviderDialect.subject(plan);
        List<String> sentences = new ArrayList<>();
        String opening = plan.lead() == null ? subject : withArticle(lowerFirst(plan.lead())) + " " + subject;
        String detail = rich && phrases.add(plan.detail()) ? " " + plan.detail() : "";
        sentences.add(ProviderDialect.sentence(opening + detail));

        List<String> scene = new ArrayList<>();
        if (rich && phrases.add(plan.composition())) {
            scene.add((plan.photographic() ? "Captured as " : "Composed as ") + withArticle(lowerFirst(plan.composition())));
        }
        if (phrases.add(plan.lighting())) {
            scene.add((scene.isEmpty() ? "Illuminated by " : "illuminated by ") + plan.lighting());
        }
        if (!scene.isEmpty()) {
            sentences.add(ProviderDialect.sentence(String.join(", ", scene)));
        }
        if (rich && phrases.add(plan.camera())) {
            sentences.add(ProviderDialect.sentence((plan.photographic() ? "Photographed with " : "Rendered with ")
                    + withArticle(lowerFirst(plan.camera()))));
        }
        List<String> finish = new ArrayList<>();
        if (phrases.add(plan.mood())) {
            finish.add("The mood is " + plan.mood());
        }
        if (phrases.add(plan.palette())) {
            finish.add("with a " + plan.palette());
        }
        if (!finish.isEmpty()) {
            sentences.add(ProviderDialect.sentence(String.join(", ", finish)));
        }
        String quality = ProviderDialect.withoutTagCliches(plan.quality());
        if (phrases.add(quality)) {
            sentences.add(ProviderDialect.sentence(quality));
        }
        return String.join(" ", sentences);
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    /** "a" or "an" in front of a noun phrase that has no article yet. */
    static String withArticle(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT);
        if (lower.startsWith("a ") || lower.startsWith("an ") || lower.startsWith("the ")) {
            return phrase;
        }
        boolean vowelSound = !lower.isEmpty() && ("aeiou".indexOf(lower.charAt(0)) >= 0
                || lower.startsWith("8") || lower.startsWith("11") || lower.startsWith("18"));
        return (vowelSound ? "an " : "a ") + phrase;
    }
}
