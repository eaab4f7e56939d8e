package dev.atelier.prompt.llm;

import java.util.List;

/**
 * What the LLM is asked to return (structured output).
 *
 * @param prompt         one detailed natural-language image prompt, in English
 * @param englishSubject the user's subject in English, a few words (their own words when already English)
 * @param tags           short comma-free descriptors for tag-based models
 * @param negativePrompt what to avoid, comma-separated
 */
public record LlmDraft(String prompt, String englishSubject, List<String> tags, String negativePrompt) {
}
