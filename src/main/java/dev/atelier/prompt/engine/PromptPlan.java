package dev.atelier.prompt.engine;

import dev.atelier.prompt.Category;

/**
 * The phrases chosen for one idea before any provider phrasing. A {@code null} phrase is left out: either the
 * user's own words already decide it, or nothing fits.
 *
 * @param subject      the user's idea, cleaned but otherwise verbatim
 * @param lead         opening that names the medium ("Professional wildlife photograph of"), or null
 * @param medium       medium as a tag ("wildlife photography"), or null
 * @param photographic whether the medium is a photograph (camera language fits)
 */
public record PromptPlan(
        String subject,
        Category category,
        String lead,
        String medium,
        boolean photographic,
        String detail,
        String composition,
        String lighting,
        String camera,
        String mood,
        String palette,
        String quality,
        String negative) {
}
