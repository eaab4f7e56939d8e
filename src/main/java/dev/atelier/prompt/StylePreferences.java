package dev.atelier.prompt;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Style the caller wants; each given field replaces the category default for that aspect. */
@Input("StylePreferences")
@Description("Style that steers the enhancement; each field replaces the category default for that aspect.")
public record StylePreferences(
        @Description("e.g. golden hour, neon glow, moonlit") @CleanText(max = MAX_LENGTH) String lighting,
        @Description("e.g. serene, ominous") @CleanText(max = MAX_LENGTH) String mood,
        @Description("e.g. oil painting, 35mm film photograph") @CleanText(max = MAX_LENGTH) String medium,
        @Description("e.g. pastel, teal and orange") @CleanText(max = MAX_LENGTH) String palette,
        @Description("e.g. rule of thirds, symmetrical") @CleanText(max = MAX_LENGTH) String composition,
        @Description("e.g. 85mm lens, drone shot") @CleanText(max = MAX_LENGTH) String camera) {

    /** Longest style field, in characters once cleaned. */
    public static final int MAX_LENGTH = 200;

    public static final StylePreferences NONE = new StylePreferences(null, null, null, null, null, null);

    /** The non-blank fields by name, in a stable order (for storage and cache keys). */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "lighting", lighting);
        put(map, "mood", mood);
        put(map, "medium", medium);
        put(map, "palette", palette);
        put(map, "composition", composition);
        put(map, "camera", camera);
        return map;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.trim());
        }
    }
}
