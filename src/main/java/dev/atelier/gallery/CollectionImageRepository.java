package dev.atelier.gallery;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The ordered contents of collections. */
@ApplicationScoped
public class CollectionImageRepository implements PanacheRepositoryBase<CollectionImageEntity, CollectionImageId> {

    public Uni<List<CollectionImageEntity>> inOrder(UUID collectionId) {
        return list("id.collectionId = ?1 order by position, id.imageId", collectionId);
    }
}
