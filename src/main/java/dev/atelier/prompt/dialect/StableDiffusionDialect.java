package dev.atelier.prompt.dialect;

import java.util.ArrayList;
import java.util.List;

import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.engine.Glossary;
import dev.atelier.prompt.engine.PromptPlan;
import dev.atelier.provider.ProviderId;

/**
 * Comma-separated tags with the subject weighted, {@code (subject:1.2)}, plus a negative prompt: the phrasing
 * Stable Diffusion models (Stability's API and the AUTOMATIC1111/Forge web UI) are trained on. Their text encoders
 * read English, so an idea in Korean leads with its English rendering ({@link Glossary}), the original beside it.
 */
public final class StableDiffusionDialect implements ProviderDialect {

    static final String SUBJECT_WEIGHT = "1.2";

    private final ProviderId provider;

    public StableDiffusionDialect(ProviderId provider) {
        this.provider = provider;
    }

    @Override
    public ProviderId provider() {
        return provider;
    }

    /** Most tags taken from a written prompt. */
    static final int MAX_WRITTEN_TAGS = 16;

    @Override
    public ProviderPrompt render(PromptPlan plan, int maxChars) {
        Phrases phrases = new Phrases(plan.subject());
        List<String> tags = new ArrayList<>();
        String subject = ProviderDialect.subject(plan);
        // the text encoders of the SD family read English: a Korean idea goes with its English rendering first
        String english = Glossary.english(subject);
        if (english != null) {
            tags.add(weighted(english));
            tags.add(escape(subject));
        } else {
            tags.add(weighted(subject));
        }
        for (String phrase : new String[] { plan.medium(), plan.detail(), plan.composition(), plan.lighting(),
                plan.camera(), plan.mood() == null ? null : plan.mood() + " mood", plan.palette(), plan.quality() }) {
            if (phrase == null) {
                continue;
            }
            for (String tag : phrase.split(",")) {
                if (phrases.add(tag)) {
                    tags.add(tag.trim());
                }
            }
        }
        return new ProviderPrompt(provider, joined(tags, maxChars), plan.negative());
    }

    @Override
    public ProviderPrompt written(WrittenPrompt draft, int maxChars) {
        List<String> tags = new ArrayList<>();
        tags.add(weighted(draft.subject().strip()));
        draft.tags().stream().filter(t -> t != null && !t.isBlank()).map(t -> t.replace(",", " ").strip())
                .limit(MAX_WRITTEN_TAGS).forEach(tags::add);
        return new ProviderPrompt(provider, joined(tags, maxChars), draft.negative());
    }

    private static String weighted(String subject) {
        return "(" + escape(subject) + ":" + SUBJECT_WEIGHT + ")";
    }

    /** The tags, comma-separated, dropping the last ones while over the limit. */
    private static String joined(List<String> tags, int maxChars) {
        String prompt = String.join(", ", tags);
        while (prompt.length() > maxChars && tags.size() > 1) {
            tags.remove(tags.size() - 1);
            prompt = String.join(", ", tags);
        }
        return ProviderDialect.fit(prompt, maxChars);
    }

    /** Parentheses and brackets are emphasis syntax in SD prompts: literal ones are escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                .replace("[", "\\[").replace("]", "\\]");
    }
}
