package dev.atelier.provider;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One image an edit works from - its source, its mask or a reference - as a gallery image: what it is, and (once
 * the worker has read them from the image store) its bytes. The bytes are never written into a job's request.
 */
public record EditImage(UUID id, String mimeType, int width, int height, @JsonIgnore byte[] bytes) {

    /** The same image with its bytes. */
    public EditImage withBytes(byte[] read) {
        return new EditImage(id, mimeType, width, height, read);
    }

    /** The file name vendors' multipart forms expect, by type. */
    public String fileName(String base) {
        return base + switch (mimeType) {
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            default -> ".png";
        };
    }
}
