package dev.atelier.gallery;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.common.pagination.PageInfo;

/** A page of images (Relay connection). */
public record ImageConnection(@NonNull List<@NonNull ImageEdge> edges, @NonNull PageInfo pageInfo) {
}
