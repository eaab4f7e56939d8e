package dev.atelier.prompt.engine;

import java.util.List;
import java.util.Set;

/**
 * What kind of picture the idea (and the caller's style preferences) describe beyond its category - inside a room, a
 * logo or flat graphic, a character, bad weather or night, black and white, a photograph or a hand-made medium -
 * so that no template phrase contradicts it ({@link Conflicts}) and a sub-style fits it ({@link CategoryTemplates}).
 */
public record IdeaTraits(boolean indoor, boolean graphic, boolean character, boolean gloomy, boolean stormy,
        boolean monochrome, boolean photo, boolean handmade) {

    static final Set<String> INDOOR = Set.of(
            "room", "rooms", "living room", "bedroom", "kitchen", "bathroom", "nook", "reading nook", "interior",
            "interiors", "indoors", "indoor", "inside", "library", "study room", "office", "cafe", "café", "restaurant",
            "bar", "attic", "loft", "cellar", "basement", "hallway", "corridor", "lobby", "classroom", "studio apartment",
            "apartment", "window seat", "fireplace", "bookshelf", "bookshelves", "armchair", "sofa", "couch", "bed",
            "staircase", "workshop", "greenhouse", "museum hall", "cabin interior", "dining room");
    static final Set<String> GRAPHIC = Set.of(
            "logo", "logos", "logotype", "wordmark", "emblem", "badge", "monogram", "icon", "icons", "app icon",
            "flat design", "flat vector", "vector", "vector art", "pictogram", "infographic", "favicon", "brand mark",
            "letterhead", "로고");
    static final Set<String> CHARACTER = Set.of(
            "robot", "robots", "android", "cyborg", "mech", "alien", "monster", "creature", "mascot", "wizard", "witch",
            "knight", "astronaut", "pirate", "ninja", "samurai", "goblin", "troll", "dragon", "unicorn", "superhero",
            "villain", "zombie", "vampire", "elf", "fairy", "character");
    static final Set<String> GLOOMY = Set.of(
            "night", "nighttime", "midnight", "rain", "rainy", "raining", "storm", "stormy", "thunder", "thunderstorm",
            "lightning", "fog", "foggy", "mist", "misty", "overcast", "gloomy", "dark", "darkness", "blizzard",
            "snowstorm", "moonlit", "moonlight", "dusk", "twilight", "비", "밤", "폭풍", "안개");
    static final Set<String> STORMY = Set.of(
            "storm", "stormy", "thunder", "thunderstorm", "lightning", "blizzard", "snowstorm", "hurricane", "tornado",
            "tempest", "gale", "폭풍");
    static final Set<String> MONOCHROME = Set.of(
            "black and white", "black-and-white", "monochrome", "monochromatic", "grayscale", "greyscale", "b&w",
            "sepia", "noir");
    static final Set<String> PHOTO = Set.of(
            "photo", "photograph", "photography", "photographic", "photorealistic", "realistic", "snapshot",
            "polaroid", "dslr", "35mm", "selfie", "사진");
    static final Set<String> HANDMADE = Set.of(
            "painting", "painted", "drawing", "drawn", "sketch", "illustration", "watercolor", "watercolour",
            "oil painting", "acrylic", "pastel", "charcoal", "ink", "cartoon", "anime", "manga", "comic", "pixel art",
            "woodcut", "woodblock", "ukiyo-e", "lithograph", "engraving", "etching", "mosaic", "mural", "graffiti",
            "doodle", "line art", "stained glass", "tapestry", "collage", "crayon", "gouache", "그림", "수채화", "유화",
            "일러스트", "만화", "스케치");

    /** The traits of the idea and of the caller's style preferences together (a preference counts like a word). */
    public static IdeaTraits of(String idea, List<String> preferences) {
        StringBuilder text = new StringBuilder(idea);
        preferences.stream().filter(p -> p != null && !p.isBlank()).forEach(p -> text.append(" . ").append(p));
        String all = text.toString().replace("black-and-white", "black and white");
        List<String> words = PromptText.words(PromptText.nameEmoji(all));
        boolean photo = InputCues.containsAny(words, PHOTO);
        boolean handmade = InputCues.containsAny(words, HANDMADE);
        return new IdeaTraits(InputCues.containsAny(words, INDOOR), InputCues.containsAny(words, GRAPHIC),
                InputCues.containsAny(words, CHARACTER), InputCues.containsAny(words, GLOOMY),
                InputCues.containsAny(words, STORMY),
                InputCues.containsAny(words, MONOCHROME) || all.toLowerCase(java.util.Locale.ROOT).contains("b&w"),
                photo && !handmade, handmade);
    }
}
