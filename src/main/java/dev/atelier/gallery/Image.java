package dev.atelier.gallery;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/**
 * A stored image, served to its owner at {@code url}: generated, edited from {@code sourceImageId}, or uploaded (an
 * upload's provider is LOCAL: it came from this instance, not a vendor).
 */
@Description("An image kept by Atelier; url serves the bytes to its owner. An UPLOADED image's provider is LOCAL.")
public record Image(@NonNull @Id String id, @NonNull String url, @NonNull int width, @NonNull int height,
        @NonNull String mimeType, @NonNull ProviderId provider, String model, Integer seed, Double costUsd,
        String revisedPrompt, Instant createdAt, @NonNull ImageKind kind,
        @Id @Description("The image this one was edited from (null when not an edit, or when that image was deleted).")
        String sourceImageId) {
}
