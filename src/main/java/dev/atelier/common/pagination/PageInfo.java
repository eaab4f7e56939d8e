package dev.atelier.common.pagination;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page information. */
@Description("Where a page ends and whether another follows.")
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
