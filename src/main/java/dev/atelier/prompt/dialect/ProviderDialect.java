package dev.atelier.prompt.dialect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.engine.PromptPlan;
import dev.atelier.provider.ProviderId;

/** How one provider likes its prompts phrased. */
public interface ProviderDialect {

    ProviderId provider();

    /** The plan phrased for this provider, within {@code maxChars}. */
    ProviderPrompt render(PromptPlan plan, int maxChars);

    /** The subject without trailing sentence punctuation, first letter capitalised when it starts a sentence. */
    static String subject(PromptPlan plan) {
        String s = plan.subject().strip();
        while (!s.isEmpty() && ".!,;".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** Tag-era boilerplate that today's natural-language image models (GPT Image, Gemini) do not need. */
    Set<String> TAG_CLICHES = Set.of("8k", "4k", "trending on artstation", "masterful",
            "masterpiece", "best quality", "ultra-detailed", "award-winning");

    /**
     * The quality phrase without tag-era boilerplate ("masterful, highly detailed, 8k" → "highly detailed"); null
     * when nothing is left.
     */
    static String withoutTagCliches(String quality) {
        if (quality == null) {
            return null;
        }
        String kept = Arrays.stream(quality.split(",")).map(String::strip)
                .filter(term -> !term.isEmpty() && !TAG_CLICHES.contains(term.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
        return kept.isEmpty() ? null : kept;
    }

    static String sentence(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String capital = Character.isLowerCase(s.charAt(0)) ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
        return capital.endsWith(".") ? capital : capital + ".";
    }

    /**
     * A prompt written elsewhere (an LLM's draft) phrased for this provider: the prose, or the subject and tags,
     * within {@code maxChars}.
     */
    ProviderPrompt written(WrittenPrompt draft, int maxChars);

    /** Sentence ends and commas of Chinese and Japanese text, where a cut reads as well as at a space. */
    String CJK_BREAKS = "。、，！？；：」』）";

    /**
     * Cuts to the limit at a word or phrase boundary in its last fifth (a space, or after CJK punctuation), else at
     * the limit itself, never inside a character: the last resort when even the bare subject is too long. Text
     * without spaces (Chinese, Japanese) is cut, not emptied.
     */
    static String fit(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        for (int i = maxChars; i > maxChars * 4 / 5; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i).stripTrailing();
            }
            if (CJK_BREAKS.indexOf(text.charAt(i - 1)) >= 0) {
                return text.substring(0, i);
            }
        }
        int end = Character.isLowSurrogate(text.charAt(maxChars)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }
}
