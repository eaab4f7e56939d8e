package dev.atelier.gallery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored images, read through their owner. */
@ApplicationScoped
public class ImageRepository implements PanacheRepositoryBase<ImageEntity, UUID> {

    public Uni<ImageEntity> findOwned(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }
}
