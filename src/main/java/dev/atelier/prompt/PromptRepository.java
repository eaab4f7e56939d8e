package dev.atelier.prompt;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.pagination.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Prompt history, always read through the owner's id. */
@ApplicationScoped
public class PromptRepository implements PanacheRepositoryBase<PromptEntity, UUID> {

    /** The prompt if it exists and belongs to the user; {@code null} otherwise (never another user's row). */
    public Uni<PromptEntity> findOwned(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    /** The user's prompts, newest first, after the cursor; one row more than asked tells whether more follow. */
    public Uni<List<PromptEntity>> page(UUID userId, PageRequest request) {
        var query = request.after() == null
                ? find("userId = ?1 order by createdAt desc, id desc", userId)
                : find("userId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                        userId, request.after().at(), request.after().id());
        return query.range(0, request.first()).list();
    }
}
