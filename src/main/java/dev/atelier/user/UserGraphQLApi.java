package dev.atelier.user;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;

/** The caller's own account. */
@GraphQLApi
public class UserGraphQLApi {

    private final CurrentUser currentUser;

    UserGraphQLApi(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Query("me")
    @Description("The signed-in user (the built-in local user in local mode).")
    public Uni<@NonNull User> me() {
        return currentUser.user();
    }
}
