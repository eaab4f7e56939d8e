package dev.atelier.provider;

/**
 * How a model edits images, so the router never sends an edit to a provider that cannot do it.
 *
 * @param edits         whether it edits an image at all (instruction edits or image-to-image)
 * @param mask          whether it repaints only a masked area (inpainting)
 * @param strength      whether it takes an image-to-image strength (denoising)
 * @param maxReferences how many reference images it takes beside the source
 * @param webp          whether it reads WebP images (the LOCAL preview, drawing with the JDK, does not)
 */
public record EditSupport(boolean edits, boolean mask, boolean strength, int maxReferences, boolean webp) {

    public static final EditSupport NONE = new EditSupport(false, false, false, 0, false);

    /** Why this model cannot do {@code edit}, or null when it can. */
    public String refusal(ImageEdit edit) {
        if (!edits) {
            return "cannot edit images";
        }
        if (edit.masked() && !mask) {
            return "cannot repaint a masked area";
        }
        if (edit.strength() != null && !strength) {
            return "does not take an edit strength";
        }
        if (!webp && edit.images().stream().anyMatch(i -> "image/webp".equals(i.mimeType()))) {
            return "cannot read a WebP image";
        }
        if (edit.references().size() > maxReferences) {
            return maxReferences == 0 ? "takes no reference images"
                    : "takes at most " + maxReferences + " reference image(s)";
        }
        return null;
    }
}
