package dev.atelier.job;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Generation jobs, read through their owner. */
@ApplicationScoped
public class GenerationJobRepository implements PanacheRepositoryBase<GenerationJobEntity, UUID> {

    public Uni<GenerationJobEntity> findOwned(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<GenerationJobEntity> findByIdempotencyKey(UUID userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }
}
