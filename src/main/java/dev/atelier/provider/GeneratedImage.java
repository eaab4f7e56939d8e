package dev.atelier.provider;

/** One image a provider returned, already checked to be a real PNG, JPEG or WebP of the stated size. */
public record GeneratedImage(byte[] bytes, String mimeType, int width, int height, Long seed, String revisedPrompt) {
}
