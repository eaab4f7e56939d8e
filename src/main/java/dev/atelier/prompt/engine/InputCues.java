package dev.atelier.prompt.engine;

import java.util.List;
import java.util.Set;

/**
 * What the user's own words already decide, so the template never adds a contradicting default: no "golden hour"
 * beside "moonlit night", no "photograph" lead for "a watercolor of a fox".
 */
public record InputCues(boolean lighting, boolean medium, boolean photographicMedium, boolean mood, boolean colors) {

    private static final Set<String> LIGHTING = Set.of(
            "night", "midnight", "nighttime", "moonlit", "moonlight", "sunset", "sunrise", "dawn", "dusk", "twilight",
            "golden hour", "blue hour", "neon", "candlelight", "candlelit", "dark", "darkness", "foggy", "fog", "misty",
            "mist", "rain", "rainy", "raining", "storm", "stormy", "snowy", "snowing", "overcast", "cloudy", "sunny",
            "daytime", "noon", "backlit", "silhouette", "silhouetted", "sunlight", "sunlit", "moon", "lamplight",
            "firelight", "spotlight", "lit", "glowing", "beam of light", "dimly", "bright",
            "비", "밤", "노을", "새벽", "황혼", "석양", "안개", "눈");
    private static final Set<String> PHOTO = Set.of(
            "photo", "photograph", "photography", "photographic", "photorealistic", "snapshot", "polaroid", "dslr",
            "35mm", "film photo", "selfie", "high resolution photo", "사진");
    private static final Set<String> OTHER_MEDIA = Set.of(
            "painting", "painted", "drawing", "drawn", "sketch", "illustration", "watercolor", "watercolour", "oil",
            "acrylic", "pastel", "charcoal", "ink", "cartoon", "anime", "manga", "comic", "pixel art", "3d render",
            "render", "rendering", "sculpture", "statue", "mosaic", "mural", "graffiti", "woodcut", "woodblock",
            "ukiyo-e", "lithograph", "engraving", "etching", "vector", "emoji", "icon", "logo", "poster", "diagram",
            "origami", "claymation", "low poly", "digital art", "concept art", "line art", "doodle", "sticker",
            "tattoo", "stained glass", "tapestry", "collage", "in the style of", "style of", "그림", "수채화", "유화",
            "일러스트", "만화", "스케치");
    private static final Set<String> MOOD = Set.of(
            "serene", "peaceful", "calm", "gloomy", "melancholic", "melancholy", "ominous", "eerie", "creepy", "happy",
            "joyful", "sad", "lonely", "dramatic", "romantic", "mysterious", "cozy", "whimsical", "dreamy", "moody",
            "cheerful", "somber", "tense", "playful", "nostalgic", "scary", "haunting", "tranquil", "angry", "smiling");
    private static final Set<String> COLORS = Set.of(
            "red", "orange", "yellow", "green", "blue", "purple", "violet", "pink", "black", "white", "gray", "grey",
            "brown", "gold", "golden", "silver", "teal", "turquoise", "cyan", "magenta", "beige", "crimson", "scarlet",
            "navy", "pastel", "monochrome", "colorful", "colourful", "rainbow", "빨간", "파란", "노란", "초록", "검은",
            "하얀");

    public static InputCues of(String input) {
        List<String> words = PromptText.words(input);
        boolean photo = containsAny(words, PHOTO);
        boolean other = containsAny(words, OTHER_MEDIA);
        return new InputCues(containsAny(words, LIGHTING), photo || other, photo && !other,
                containsAny(words, MOOD), containsAny(words, COLORS));
    }

    /** Whether any term (one to three words; Hangul terms as word prefixes) occurs in the word list. */
    static boolean containsAny(List<String> words, Set<String> terms) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (terms.contains(word)) {
                return true;
            }
            if (i + 1 < words.size() && terms.contains(word + " " + words.get(i + 1))) {
                return true;
            }
            if (i + 2 < words.size() && terms.contains(word + " " + words.get(i + 1) + " " + words.get(i + 2))) {
                return true;
            }
            if (!word.isEmpty() && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HANGUL) {
                for (String term : terms) {
                    if (word.startsWith(term) && !term.isEmpty()
                            && Character.UnicodeScript.of(term.codePointAt(0)) == Character.UnicodeScript.HANGUL) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
