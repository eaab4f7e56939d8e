package dev.atelier.gallery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Collections, read through their owner. */
@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<CollectionEntity, UUID> {

    public Uni<CollectionEntity> findOwned(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }
}
