package dev.atelier.gallery;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.common.pagination.PageInfo;

/** A page of collections (Relay connection). */
public record CollectionConnection(@NonNull List<@NonNull CollectionEdge> edges, @NonNull PageInfo pageInfo) {
}
