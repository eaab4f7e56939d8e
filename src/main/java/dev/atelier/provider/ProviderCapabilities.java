package dev.atelier.provider;

import java.util.Set;

/**
 * What a provider can do, so the router can filter before calling.
 *
 * @param sizes          accepted "WxH" sizes; empty means any size up to {@code maxPixels}
 * @param maxCount       most images per request
 * @param negativePrompt whether a negative prompt is honoured
 * @param seed           whether a seed is honoured
 * @param styles         accepted style hints
 * @param edits          how it edits images
 */
public record ProviderCapabilities(Set<String> sizes, long maxPixels, int maxCount, boolean negativePrompt,
        boolean seed, Set<String> styles, EditSupport edits) {

    public boolean supportsSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            return false;
        }
        return sizes.isEmpty() ? (long) width * height <= maxPixels : sizes.contains(width + "x" + height);
    }
}
