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

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.pagination.Ids;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.prompt.Category;
import dev.atelier.provider.ProviderId;
import dev.atelier.user.CurrentUser;
import io.smallrye.mutiny.Uni;

/** Your images: one, a page of them, and deleting one. */
@GraphQLApi
public class GalleryGraphQLApi {

    private final ImageService images;
    private final CurrentUser currentUser;
    private final ImageStoreConfig config;

    GalleryGraphQLApi(ImageService images, CurrentUser currentUser, ImageStoreConfig config) {
        this.images = images;
        this.currentUser = currentUser;
        this.config = config;
    }

    @Query("image")
    @Description("One of your images, or one shared through a public or unlisted collection.")
    public Uni<Image> image(@NonNull @Id @Name("id") String id) {
        return currentUser.read(config.anonymousSharedRead(), () -> Ids.parse(id, "image"),
                (reader, imageId) -> images.readable(reader, imageId)
                        .onItem().ifNull().failWith(() -> AtelierException.notFound("Image", imageId)));
    }

    @Query("images")
    @Description("Your images, newest first; optionally only one provider's, only those of one prompt category, or "
            + "only one kind (GENERATED, EDITED, UPLOADED).")
    public Uni<@NonNull ImageConnection> images(@Name("first") Integer first, @Name("after") String after,
            @Name("provider") ProviderId provider, @Name("category") Category category, @Name("kind") ImageKind kind) {
        return currentUser.call(() -> PageRequest.of(first, after), (userId, page) -> images.page(userId, page, provider,
                category, kind));
    }

    @Description("What was edited from this image that you may see, newest first (first: default 20, at most 100).")
    public Uni<@NonNull List<@NonNull Image>> edits(@Source Image image, @Name("first") Integer first) {
        return currentUser.read(config.anonymousSharedRead(), () -> PageRequest.of(first, null),
                (reader, page) -> images.editsOf(reader, UUID.fromString(image.id()), page.first()));
    }

    @Mutation("deleteImage")
    @Description("Deletes one of your images; the stored bytes go too when no other image uses them.")
    public Uni<@NonNull Boolean> deleteImage(@NonNull @Id @Name("id") String id) {
        return currentUser.call(() -> Ids.parse(id, "image"), images::delete);
    }
}
