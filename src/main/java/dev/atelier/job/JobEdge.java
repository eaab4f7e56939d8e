package dev.atelier.job;

import org.eclipse.microprofile.graphql.NonNull;

/** One job in a page, with the cursor to continue after it. */
public record JobEdge(@NonNull String cursor, @NonNull GenerationJob node) {
}
