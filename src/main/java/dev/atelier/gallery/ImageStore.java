package dev.atelier.gallery;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Where generated image bytes are kept (vendor URLs expire, so Atelier keeps its own copy). Content-addressed:
 * the same bytes are stored once. The filesystem implementation is the default; an S3-compatible one can
 * implement the same three operations.
 */
public interface ImageStore {

    /** Stores the bytes (once per content) and returns their key. */
    Uni<StoredBlob> put(byte[] bytes, String mimeType);

    /** The bytes under a key, if present. */
    Uni<Optional<byte[]>> get(String storageKey);

    /** Removes the bytes under a key (callers check that nothing else references them). */
    Uni<Void> delete(String storageKey);
}
