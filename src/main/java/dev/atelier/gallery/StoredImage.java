package dev.atelier.gallery;

/** Where an image's bytes are, what they are, and whether the reader owns the image (else it is shared with them). */
public record StoredImage(String storageKey, String sha256, String mimeType, boolean owned) {
}
