package dev.atelier.prompt.dialect;

import java.util.List;

/**
 * A prompt someone else wrote (an LLM), in the two forms the dialects need: {@code prose} for the sentence dialects;
 * {@code subject} (in English), {@code tags} and {@code negative} for Stable Diffusion's tag syntax.
 */
public record WrittenPrompt(String prose, String subject, List<String> tags, String negative) {

    public WrittenPrompt {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
