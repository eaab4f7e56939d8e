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

    public static Image from(ImageEntity e) {
        return new Image(e.id.toString(), "/images/" + e.id, e.width, e.height, e.mimeType, e.provider, e.model,
                e.seed == null ? null : (int) (long) e.seed, e.cost == null ? null : e.cost.doubleValue(),
                e.revisedPrompt, e.createdAt);
    }
}
