package dev.atelier.provider;

/**
 * One generation request in provider-neutral terms.
 *
 * @param prompt         the prompt, already phrased for this provider
 * @param negativePrompt what to avoid (providers without support ignore it), or null
 * @param width          requested width in pixels
 * @param height         requested height in pixels
 * @param count          number of images
 * @param quality        unified quality level
 * @param seed           fixed seed, or null for random
 * @param style          vendor style hint (OpenAI "vivid"/"natural", Stability style preset), or null
 * @param theme          what kind of picture the idea is (a prompt category's name: PORTRAIT, LANDSCAPE, ...), for
 *                       renderers that draw without a model (the LOCAL preview), or null when not known
 * @param model          the vendor model to call (the router's choice: the one asked for, the configured one, or a
 *                       retired one's replacement); null means the provider's configured model
 * @param edit           what an edit starts from (source, mask, references, strength); null for a new image
 */
public record ImageRequest(String prompt, String negativePrompt, int width, int height, int count, Quality quality,
        Long seed, String style, String theme, String model, ImageEdit edit) {

    /** A new image (not an edit). */
    public ImageRequest(String prompt, String negativePrompt, int width, int height, int count, Quality quality,
            Long seed, String style, String theme, String model) {
        this(prompt, negativePrompt, width, height, count, quality, seed, style, theme, model, null);
    }

    public static ImageRequest of(String prompt, int width, int height) {
        return new ImageRequest(prompt, null, width, height, 1, Quality.STANDARD, null, null, null, null);
    }

    /** The size as "WxH". */
    public String size() {
        return width + "x" + height;
    }

    public ImageRequest withCount(int n) {
        return new ImageRequest(prompt, negativePrompt, width, height, n, quality, seed, style, theme, model, edit);
    }

    /** The same request in one provider's words: its prompt and negative prompt. */
    public ImageRequest worded(String providerPrompt, String providerNegativePrompt) {
        return new ImageRequest(providerPrompt, providerNegativePrompt, width, height, count, quality, seed, style,
                theme, model, edit);
    }

    /** The same request with its theme, when it had none. */
    public ImageRequest withTheme(String knownTheme) {
        return theme != null ? this
                : new ImageRequest(prompt, negativePrompt, width, height, count, quality, seed, style, knownTheme, model,
                        edit);
    }

    /** The same request for {@code vendorModel}. */
    public ImageRequest withModel(String vendorModel) {
        return new ImageRequest(prompt, negativePrompt, width, height, count, quality, seed, style, theme, vendorModel,
                edit);
    }

    /** The same request as an edit of {@code from}. */
    public ImageRequest editing(ImageEdit from) {
        return new ImageRequest(prompt, negativePrompt, width, height, count, quality, seed, style, theme, model, from);
    }

    /** Whether it edits an image (else it makes a new one). */
    public boolean isEdit() {
        return edit != null;
    }
}
