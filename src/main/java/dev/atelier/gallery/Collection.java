package dev.atelier.gallery;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** GraphQL view of a collection. */
@Description("A named, ordered set of images; PRIVATE (yours only), UNLISTED (anyone with its id) or PUBLIC.")
public record Collection(@NonNull @Id String id, @NonNull String name, String description,
        @NonNull Visibility visibility, @NonNull @Description("Images in it") Integer imageCount,
        @NonNull @Description("Whether it is yours") Boolean owned, Instant createdAt, Instant updatedAt) {
}
