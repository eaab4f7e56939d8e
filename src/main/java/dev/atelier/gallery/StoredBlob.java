package dev.atelier.gallery;

/** Where stored bytes live and what they are: the storage key is derived from the SHA-256 of the content. */
public record StoredBlob(String storageKey, String sha256, long size) {
}
