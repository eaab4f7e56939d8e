package dev.atelier.prompt;

import org.eclipse.microprofile.graphql.NonNull;

/** One prompt in a page, with the cursor to continue after it. */
public record PromptEdge(@NonNull String cursor, @NonNull Prompt node) {
}
