package dev.atelier.user;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** GraphQL view of a user. */
@Description("A person using Atelier.")
public record User(@Id @NonNull String id, String email, String displayName) {
}
