package dev.atelier.prompt.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.atelier.prompt.Category;

/** The eight category templates. Vocabulary follows what is common in real prompts (DiffusionDB phrase counts). */
public final class CategoryTemplates {

    static final String COMMON_NEGATIVE = "blurry, lowres, jpeg artifacts, watermark, text, signature, cropped, out of frame";

    private static final Map<Category, CategoryTemplate> TEMPLATES = new EnumMap<>(Category.class);

    static {
        TEMPLATES.put(Category.PORTRAIT, new CategoryTemplate(
                "Professional portrait photograph of", "portrait photography", true,
                List.of("with a natural, confident expression and finely detailed skin texture",
                        "with expressive eyes and a candid, genuine expression"),
                List.of("head-and-shoulders framing with the eyes on the upper third",
                        "intimate close-up framing against a softly blurred background"),
                "soft diffused window light", "85mm lens at f/1.8, shallow depth of field",
                "warm and intimate", "high-quality photography, sharp focus on the eyes, highly detailed",
                "bad anatomy, extra fingers, deformed hands, distorted face, asymmetric eyes, plastic skin"));
        TEMPLATES.put(Category.LANDSCAPE, new CategoryTemplate(
                "Breathtaking landscape photograph of", "landscape photography", true,
                List.of("stretching toward a distant horizon with rich natural detail",
                        "with layered depth from the foreground to the far distance"),
                List.of("wide panoramic composition with a strong foreground element",
                        "sweeping wide-angle composition following the rule of thirds"),
                "golden hour light", "wide-angle lens at f/11, deep depth of field",
                "serene and awe-inspiring", "high-quality photography, ultra-detailed, crisp and vivid",
                "oversaturated, hazy, overexposed sky, tilted horizon, flat lighting"));
        TEMPLATES.put(Category.ANIMAL, new CategoryTemplate(
                "Professional wildlife photograph of", "wildlife photography", true,
                List.of("with alert, expressive eyes and finely detailed fur",
                        "captured in a graceful pose with intricate texture detail"),
                List.of("eye-level close-up with the subject sharp against a softly blurred background",
                        "intimate portrait framing at the animal's eye level"),
                "soft natural light", "telephoto lens at f/2.8, shallow depth of field",
                "calm and curious", "high-quality photography, sharp focus, true-to-life colors",
                "extra limbs, deformed paws, mutated, fused legs, bad anatomy, cartoonish"));
        TEMPLATES.put(Category.FOOD, new CategoryTemplate(
                "Appetizing food photograph of", "food photography", true,
                List.of("fresh and glistening, plated with care and rich in texture",
                        "beautifully styled with vibrant colors and appetizing detail"),
                List.of("45-degree angle on a styled tabletop with subtle props",
                        "close-up composition with the hero dish in sharp focus"),
                "soft natural side light", "100mm macro lens at f/2.8, shallow depth of field",
                "inviting and fresh", "high-quality commercial photography, mouth-watering detail",
                "unappetizing, burnt, plastic-looking, messy plate, greasy, dull colors"));
        TEMPLATES.put(Category.PRODUCT, new CategoryTemplate(
                "Clean studio product photograph of", "product photography", true,
                List.of("with crisp edges, premium materials and flawless finish",
                        "showing precise craftsmanship and true-to-life materials"),
                List.of("centered hero shot on a seamless neutral backdrop",
                        "three-quarter view on a minimal surface with a soft reflection"),
                "softbox studio lighting with gentle highlights", "100mm lens at f/8, tack-sharp focus",
                "refined and modern", "high-quality commercial photography, ultra-detailed, 8k",
                "cluttered background, warped shape, smudges, dust, distorted proportions, low contrast"));
        TEMPLATES.put(Category.ARCHITECTURE, new CategoryTemplate(
                "Architectural photograph of", "architectural photography", true,
                List.of("with strong clean lines and rich material detail",
                        "showing its structure, textures and sense of space"),
                List.of("symmetrical wide-angle composition with straight verticals",
                        "balanced composition with leading lines drawing the eye inward"),
                "clear late-afternoon light", "tilt-shift lens, corrected perspective",
                "calm and timeless", "high-quality photography, ultra-detailed, sharp",
                "distorted perspective, crooked lines, warped buildings, converging verticals, clutter"));
        TEMPLATES.put(Category.ABSTRACT, new CategoryTemplate(
                "Abstract digital artwork of", "abstract digital art", false,
                List.of("expressed through flowing forms, bold shapes and layered textures",
                        "interpreted as an interplay of color, form and movement"),
                List.of("balanced asymmetrical composition with a clear focal point",
                        "dynamic composition with rhythmic repetition"),
                "luminous glowing light", "high-resolution digital rendering with fine gradients",
                "contemplative and evocative", "intricate detail, rich color depth, masterful",
                "muddy colors, dull, cluttered, low contrast, photograph"));
        TEMPLATES.put(Category.ART, new CategoryTemplate(
                "Fine art illustration of", "fine art illustration", false,
                List.of("rendered with expressive linework and rich texture",
                        "with a strong sense of character and storytelling"),
                List.of("dynamic composition with a clear focal point",
                        "harmonious composition with thoughtful negative space"),
                "warm atmospheric light", "visible brushwork on textured paper",
                "whimsical and evocative", "masterful, highly detailed, trending on artstation",
                "photo, photorealistic, 3d render, messy lines, muddy colors, amateur"));
    }

    /** A room, seen from inside: ARCHITECTURE's sub-style for interiors. */
    static final CategoryTemplate INTERIOR = new CategoryTemplate(
            "Interior photograph of", "interior photography", true,
            List.of("with inviting textures and a lived-in sense of space",
                    "with carefully arranged furniture and warm material detail"),
            List.of("eye-level view into the room with layered foreground detail",
                    "balanced composition with straight verticals and a clear focal point in the room"),
            "soft window light mixed with warm lamplight", "24mm lens at f/4, straight verticals",
            "cozy and inviting", "high-quality interior photography, sharp and detailed",
            "distorted perspective, crooked lines, cluttered, warped furniture, blown-out windows");

    /** Logos, icons and flat graphics: ART's sub-style for graphic design. */
    static final CategoryTemplate GRAPHIC = new CategoryTemplate(
            "Flat vector logo design of", "flat vector graphic design", false,
            List.of("built from clean geometric shapes with a limited color palette",
                    "with a simple, bold silhouette that reads at any size"),
            List.of("centered layout on a plain background with generous negative space",
                    "balanced, symmetrical layout on a solid background"),
            "even, flat lighting", "crisp vector finish, scalable and legible at small sizes",
            "bold and memorable", "professional graphic design, clean and balanced",
            "photo, photorealistic, 3d render, gradient mess, clutter, noise, texture, blurry, watermark, "
                    + "illegible letters");

    /** Characters doing something (a robot chef, a wizard): ART's sub-style for character illustration. */
    static final CategoryTemplate CHARACTER = new CategoryTemplate(
            "Character illustration of", "character illustration", false,
            List.of("full of personality, with a clear silhouette and an expressive pose",
                    "caught mid-action with charming, readable body language"),
            List.of("dynamic three-quarter view that tells a small story",
                    "full-figure framing with the character as the clear focal point"),
            "warm cinematic light", "clean, confident line style with rich color",
            "playful and charming", "highly detailed character design",
            "extra limbs, deformed hands, bad anatomy, messy lines, muddy colors, blurry");

    private CategoryTemplates() {
    }

    public static CategoryTemplate of(Category category) {
        return TEMPLATES.get(category);
    }

    /**
     * The template for an idea of {@code category} with these traits: a sub-style where the category's default would
     * misread it (a room under ARCHITECTURE, a logo under ART, a character under ART or PRODUCT), else the category's.
     */
    public static CategoryTemplate of(Category category, IdeaTraits traits) {
        if (category == Category.ARCHITECTURE && traits.indoor()) {
            return INTERIOR;
        }
        if ((category == Category.ART || category == Category.ABSTRACT || category == Category.PRODUCT)
                && traits.graphic()) {
            return GRAPHIC;
        }
        if ((category == Category.ART || category == Category.PRODUCT) && traits.character() && !traits.photo()) {
            return CHARACTER;
        }
        return TEMPLATES.get(category);
    }
}
