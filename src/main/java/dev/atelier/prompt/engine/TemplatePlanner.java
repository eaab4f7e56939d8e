package dev.atelier.prompt.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.StylePreferences;

/**
 * Chooses the phrases around a subject: category defaults, replaced (not joined) by the caller's style
 * preferences, and left out wherever the user's own words already decide that aspect. Deterministic: the same
 * subject, category, style and seed always give the same plan.
 */
public final class TemplatePlanner {

    private static final String GENERIC_ART_QUALITY = "masterful, highly detailed";

    public PromptPlan plan(String subject, Category category, StylePreferences style, long seed) {
        StylePreferences prefs = style == null ? StylePreferences.NONE : style;
        IdeaTraits traits = IdeaTraits.of(subject, List.of(nonNull(prefs.medium()), nonNull(prefs.lighting()),
                nonNull(prefs.mood()), nonNull(prefs.palette()), nonNull(prefs.composition()), nonNull(prefs.camera())));
        CategoryTemplate template = CategoryTemplates.of(category, traits);
        InputCues cues = InputCues.of(subject);
        int pick = Math.floorMod(Long.hashCode(seed) * 31 + PromptText.cacheNormal(subject).hashCode(), 1 << 16);

        String lead;
        String medium;
        boolean photographic;
        if (present(prefs.medium())) {
            medium = prefs.medium().trim();
            lead = capitalize(medium) + " of";
            photographic = isPhotographic(medium);
        } else if (cues.medium()) {
            lead = null;
            medium = null;
            photographic = cues.photographicMedium();
        } else {
            // a default medium the idea contradicts ("landscape photograph" of a room) is left unsaid
            boolean fits = Conflicts.fitting(template.lead() + " " + template.medium(), traits) != null;
            lead = fits ? template.lead() : null;
            medium = fits ? template.medium() : null;
            photographic = template.photographic();
        }

        String camera = present(prefs.camera()) ? prefs.camera().trim()
                : photographic == template.photographic() ? template.camera() : null;
        String lighting = cues.lighting() ? null : firstPresent(prefs.lighting(), template.lighting());
        String mood = cues.mood() ? null : firstPresent(prefs.mood(), template.mood());
        String palette = cues.colors() || !present(prefs.palette()) ? null : prefs.palette().trim() + " color palette";
        String quality = photographic == template.photographic() ? template.quality()
                : photographic ? "high-quality photography, sharp focus, highly detailed" : GENERIC_ART_QUALITY;

        // the caller's own preferences stand; the template's defaults give way to anything the idea contradicts
        return new PromptPlan(subject, category, lead, medium, photographic,
                Conflicts.firstFitting(template.details(), pick, traits),
                present(prefs.composition()) ? prefs.composition().trim()
                        : Conflicts.firstFitting(template.compositions(), pick >> 1, traits),
                present(prefs.lighting()) ? lighting : Conflicts.fitting(lighting, traits),
                present(prefs.camera()) ? camera : Conflicts.fitting(camera, traits),
                present(prefs.mood()) ? mood : Conflicts.fitting(mood, traits),
                palette, Conflicts.fitting(quality, traits),
                negativeFor(template, subject));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Category negatives, minus anything the user asked for ("cartoonish" is no defect in "a cartoon fox"). */
    private static String negativeFor(CategoryTemplate template, String subject) {
        Set<String> asked = new LinkedHashSet<>(PromptText.words(subject));
        Set<String> terms = new LinkedHashSet<>();
        for (String term : (CategoryTemplates.COMMON_NEGATIVE + ", " + template.negative()).split(",")) {
            String t = term.trim();
            boolean wanted = PromptText.words(t).stream().anyMatch(w -> asked.contains(w) || asked.contains(stem(w)));
            if (!t.isEmpty() && !wanted) {
                terms.add(t);
            }
        }
        return String.join(", ", terms);
    }

    private static String stem(String word) {
        return word.endsWith("ish") ? word.substring(0, word.length() - 3) : word;
    }

    private static boolean isPhotographic(String medium) {
        String m = medium.toLowerCase(Locale.ROOT);
        return m.contains("photo") || m.contains("film") || m.contains("camera") || m.contains("polaroid");
    }

    private static String choose(List<String> options, int pick) {
        return options.get(Math.floorMod(pick, options.size()));
    }

    private static String firstPresent(String preferred, String fallback) {
        return present(preferred) ? preferred.trim() : fallback;
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String capitalize(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
