package dev.atelier.prompt.dialect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.atelier.prompt.engine.PromptText;

/**
 * An ordered list of phrases that refuses repeats: a phrase that repeats half its content words, or two of them,
 * from what was said already (by the subject or an earlier phrase) adds little, and is dropped.
 */
final class Phrases {

    private final Set<String> said = new HashSet<>();
    private final List<String> phrases = new ArrayList<>();

    Phrases(String subject) {
        said.addAll(PromptText.contentWords(subject));
    }

    /** Adds the phrase unless it is null or repeats what was said; returns whether it was added. */
    boolean add(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return false;
        }
        List<String> words = PromptText.contentWords(phrase);
        long repeated = words.stream().filter(said::contains).count();
        if (!words.isEmpty() && (repeated * 2 >= words.size() || repeated >= 2)) {
            return false;
        }
        said.addAll(words);
        phrases.add(phrase.trim());
        return true;
    }

    List<String> list() {
        return phrases;
    }
}
