package dev.atelier.prompt.engine;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The table of what a template may not say about an idea: each row is a trait of the idea (or of the caller's style
 * preferences) and the phrases that would contradict it. A phrase containing any of a row's words is left out (or
 * the template's other choice is taken) whenever the idea has that row's trait. Tested row by row
 * (ConflictsTest) and over a contradiction set of ideas.
 */
public final class Conflicts {

    /** One row: the trait, and the words a phrase must not contain when the idea has it. */
    record Row(String trait, Predicate<IdeaTraits> applies, List<String> forbidden) {
    }

    static final List<Row> TABLE = List.of(
            new Row("indoors", IdeaTraits::indoor, List.of("horizon", "panoramic", "landscape", "sweeping",
                    "far distance", "wide-angle lens at f/11", "deep depth of field", "sky")),
            new Row("logo or flat graphic", IdeaTraits::graphic, List.of("brushwork", "textured paper", "texture",
                    "linework", "trending on artstation", "masterful", "atmospheric", "storytelling", "intricate",
                    "photograph", "lens", "depth of field", "glistening", "fur")),
            new Row("night, rain or storm", IdeaTraits::gloomy, List.of("golden hour", "sunny", "sunlit", "sunshine",
                    "serene", "bright", "late-afternoon", "cheerful")),
            new Row("a storm", IdeaTraits::stormy, List.of("calm", "peaceful", "tranquil", "gentle", "timeless")),
            new Row("black and white", IdeaTraits::monochrome, List.of("vibrant", "colorful", "colourful",
                    "rich color", "true-to-life colors", "vivid", "color palette")),
            new Row("a hand-made medium", IdeaTraits::handmade, List.of("photograph", "photography", "lens", "f/",
                    "depth of field", "dslr", "8k")),
            new Row("a photograph", IdeaTraits::photo, List.of("brushwork", "illustration", "linework", "painting",
                    "textured paper", "trending on artstation", "digital artwork", "rendering")),
            new Row("a character", IdeaTraits::character, List.of("skin texture", "premium materials",
                    "flawless finish", "product photograph", "studio product")));

    private Conflicts() {
    }

    /** The first row {@code phrase} contradicts for an idea of these traits, or null when it fits. */
    static Row contradicted(String phrase, IdeaTraits traits) {
        if (phrase == null) {
            return null;
        }
        String lower = phrase.toLowerCase(Locale.ROOT);
        for (Row row : TABLE) {
            if (row.applies().test(traits) && row.forbidden().stream().anyMatch(lower::contains)) {
                return row;
            }
        }
        return null;
    }

    /** The phrase when it fits, else null. */
    static String fitting(String phrase, IdeaTraits traits) {
        return contradicted(phrase, traits) == null ? phrase : null;
    }

    /** The first of the alternatives (from {@code first} on, wrapping) that fits, else null. */
    static String firstFitting(List<String> options, int first, IdeaTraits traits) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(Math.floorMod(first + i, options.size()));
            if (contradicted(option, traits) == null) {
                return option;
            }
        }
        return null;
    }
}
