package dev.atelier.prompt;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Prompt history, always read through the owner's id. */
@ApplicationScoped
public class PromptRepository implements PanacheRepositoryBase<PromptEntity, UUID> {

    /** The prompt if it exists and belongs to the user; {@code null} otherwise (never another user's row). */
    public Uni<PromptEntity> findOwned(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }
}
