package dev.atelier.gallery;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/** A stored image, served to its owner at {@code url}. */
@Description("A generated image kept by Atelier; url serves the bytes to its owner.")
public record Image(@NonNull @Id String id, @NonNull String url, @NonNull int width, @NonNull int height,
        @NonNull String mimeType, @NonNull ProviderId provider, String model, Integer seed, Double costUsd,
        String revisedPrompt, Instant createdAt) {
}
