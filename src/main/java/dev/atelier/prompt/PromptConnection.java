package dev.atelier.prompt;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.common.pagination.PageInfo;

/** A page of the caller's prompt history, newest first. */
public record PromptConnection(@NonNull List<@NonNull PromptEdge> edges, @NonNull PageInfo pageInfo) {
}
