package dev.atelier.gallery;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.atelier.common.pagination.Ids;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.user.CurrentUser;
import io.smallrye.mutiny.Uni;

/** Collections: yours, public ones, and what is in them. */
@GraphQLApi
public class CollectionGraphQLApi {

    private final CollectionService collections;
    private final CurrentUser currentUser;
    private final ImageStoreConfig config;

    CollectionGraphQLApi(CollectionService collections, CurrentUser currentUser, ImageStoreConfig config) {
        this.collections = collections;
        this.currentUser = currentUser;
        this.config = config;
    }

    @Query("collection")
    @Description("One of your collections, a public one, or an unlisted one whose id you have.")
    public Uni<Collection> collection(@NonNull @Id @Name("id") String id) {
        return currentUser.read(config.anonymousSharedRead(), () -> Ids.parse(id, "collection"), collections::get);
    }

    @Query("collections")
    @Description("Your collections, newest first.")
    public Uni<@NonNull CollectionConnection> collections(@Name("first") Integer first, @Name("after") String after) {
        return currentUser.call(() -> PageRequest.of(first, after), collections::page);
    }

    @Query("publicCollections")
    @Description("Every public collection, newest first.")
    public Uni<@NonNull CollectionConnection> publicCollections(@Name("first") Integer first, @Name("after") String after) {
        return currentUser.read(config.anonymousSharedRead(), () -> PageRequest.of(first, after),
                collections::publicPage);
    }

    @Description("The collection's images in their order.")
    public Uni<@NonNull ImageConnection> images(@Source Collection collection, @Name("first") Integer first,
            @Name("after") String after) {
        return currentUser.read(config.anonymousSharedRead(), () -> PageRequest.of(first, after),
                (reader, page) -> collections.images(reader, UUID.fromString(collection.id()), page));
    }

    @Mutation("createCollection")
    public Uni<@NonNull Collection> createCollection(@NonNull @Name("name") String name,
            @Name("description") String description, @Name("visibility") Visibility visibility) {
        return currentUser.call(userId -> collections.create(userId, name, description, visibility));
    }

    @Mutation("updateCollection")
    @Description("Renames, re-describes or changes the visibility of your collection (omitted fields stay).")
    public Uni<@NonNull Collection> updateCollection(@NonNull @Id @Name("id") String id, @Name("name") String name,
            @Name("description") String description, @Name("visibility") Visibility visibility) {
        return currentUser.call(() -> Ids.parse(id, "collection"),
                (userId, collectionId) -> collections.update(userId, collectionId, name, description, visibility));
    }

    @Mutation("deleteCollection")
    @Description("Deletes your collection; its images stay in your gallery.")
    public Uni<@NonNull Boolean> deleteCollection(@NonNull @Id @Name("id") String id) {
        return currentUser.call(() -> Ids.parse(id, "collection"), collections::delete);
    }

    @Mutation("addToCollection")
    @Description("Appends your images to your collection, in the order given (at most 100 per call).")
    public Uni<@NonNull Collection> addToCollection(@NonNull @Id @Name("collectionId") String collectionId,
            @NonNull @Name("imageIds") List<@NonNull String> imageIds) {
        return currentUser.call(() -> new Target(collectionId, imageIds),
                (userId, t) -> collections.add(userId, t.collection(), t.images()));
    }

    @Mutation("removeFromCollection")
    @Description("Takes images out of your collection (they stay in your gallery).")
    public Uni<@NonNull Collection> removeFromCollection(@NonNull @Id @Name("collectionId") String collectionId,
            @NonNull @Name("imageIds") List<@NonNull String> imageIds) {
        return currentUser.call(() -> new Target(collectionId, imageIds),
                (userId, t) -> collections.remove(userId, t.collection(), t.images()));
    }

    @Mutation("reorderCollection")
    @Description("Puts the given images first, in that order; the rest keep their order after them.")
    public Uni<@NonNull Collection> reorderCollection(@NonNull @Id @Name("collectionId") String collectionId,
            @NonNull @Name("imageIds") List<@NonNull String> imageIds) {
        return currentUser.call(() -> new Target(collectionId, imageIds),
                (userId, t) -> collections.reorder(userId, t.collection(), t.images()));
    }

    /** A collection and images named by a mutation, validated. */
    private record Target(UUID collection, List<UUID> images) {
        /** The image ids arrive as strings: the schema types them [ID!]! (see IdListArguments). */
        Target(String collectionId, List<String> imageIds) {
            this(Ids.parse(collectionId, "collection"), imageIds == null ? List.of()
                    : imageIds.stream().map(id -> Ids.parse(id, "image")).toList());
        }
    }

}
