package dev.atelier.gallery;

import org.eclipse.microprofile.graphql.NonNull;

public record CollectionEdge(@NonNull String cursor, @NonNull Collection node) {
}
