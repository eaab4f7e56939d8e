package dev.atelier.prompt.engine;

import java.util.List;

/**
 * What a category adds around the user's subject. Lists hold interchangeable alternatives; the engine picks one
 * deterministically per input. {@code photographic} says whether camera language fits the category's default medium.
 *
 * @param lead       the opening that names the default medium ("Professional wildlife photograph of")
 * @param medium     the default medium as a tag ("wildlife photography")
 * @param details    subject details, written to follow the subject ("with expressive eyes and finely detailed fur")
 * @param compositions framing and composition
 * @param lighting   default lighting (replaced by the input's or the caller's)
 * @param camera     camera and lens, or technique for non-photographic media
 * @param mood       default mood
 * @param quality    quality terms
 * @param negative   what Stable Diffusion should avoid for this category
 */
public record CategoryTemplate(
        String lead,
        String medium,
        boolean photographic,
        List<String> details,
        List<String> compositions,
        String lighting,
        String camera,
        String mood,
        String quality,
        String negative) {
}
