package dev.atelier.gallery;

import org.eclipse.microprofile.graphql.NonNull;

public record ImageEdge(@NonNull String cursor, @NonNull Image node) {
}
