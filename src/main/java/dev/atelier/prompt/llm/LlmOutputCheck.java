package dev.atelier.prompt.llm;

import java.util.List;
import java.util.regex.Pattern;

import dev.atelier.prompt.engine.PromptText;

/**
 * Decides whether an LLM answer may be used: it must still be about the user's subject, fit the length limit,
 * and carry no echoed instructions. Anything else falls back to the template result.
 */
public final class LlmOutputCheck {

    private static final Pattern ECHOED = Pattern.compile(
            "(?i)(ignore (all |any |the )?(previous|prior|above|earlier)|system (prompt|message)|instructions?\\b"
                    + "|as an ai|language model|<<<|>>>|\\bidea>|i can(no|')t|i'm sorry|i am sorry)");
    /** Share of the user's content words an answer must keep (LLMs may inflect or rephrase a few). */
    private static final double MIN_KEPT = 0.6;

    private LlmOutputCheck() {
    }

    /** Why the draft is unusable, or null when it may be used. */
    public static String problem(LlmDraft draft, String subject, int maxChars) {
        if (draft == null || draft.prompt() == null || draft.prompt().isBlank()) {
            return "empty answer";
        }
        String prompt = draft.prompt();
        if (prompt.length() > maxChars) {
            return "answer longer than " + maxChars + " characters";
        }
        if (ECHOED.matcher(prompt).find()) {
            return "answer echoes instructions";
        }
        List<String> answerWords = PromptText.words(prompt);
        List<String> wanted = PromptText.mostlyNonLatin(subject)
                ? PromptText.contentWords(draft.englishSubject() == null ? "" : draft.englishSubject())
                : PromptText.contentWords(subject);
        if (wanted.isEmpty()) {
            return PromptText.mostlyNonLatin(subject) ? "no English rendering of the subject" : null;
        }
        long kept = wanted.stream().filter(w -> answerWords.contains(w) || answerWords.contains(w + "s")
                || (w.endsWith("s") && answerWords.contains(w.substring(0, w.length() - 1)))).count();
        if ((double) kept / wanted.size() < MIN_KEPT) {
            return "answer drops the subject";
        }
        return null;
    }
}
