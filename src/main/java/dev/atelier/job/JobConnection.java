package dev.atelier.job;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.common.pagination.PageInfo;

/** A page of the caller's jobs, newest first. */
public record JobConnection(@NonNull List<@NonNull JobEdge> edges, @NonNull PageInfo pageInfo) {
}
