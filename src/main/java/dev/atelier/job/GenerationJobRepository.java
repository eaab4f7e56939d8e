package dev.atelier.job;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.pagination.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Generation jobs, read through their owner. */
@ApplicationScoped
public class GenerationJobRepository implements PanacheRepositoryBase<GenerationJobEntity, UUID> {

    public Uni<GenerationJobEntity> findOwned(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    /** The user's jobs (optionally of one status), newest first, after the cursor; one extra row tells if more follow. */
    public Uni<List<GenerationJobEntity>> page(UUID userId, JobStatus status, PageRequest request) {
        StringBuilder query = new StringBuilder("userId = :user");
        Parameters params = Parameters.with("user", userId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (request.after() != null) {
            query.append(" and (queuedAt < :at or (queuedAt = :at and id < :id))");
            params.and("at", request.after().at()).and("id", request.after().id());
        }
        query.append(" order by queuedAt desc, id desc");
        return find(query.toString(), params).range(0, request.first()).list();
    }

    public Uni<GenerationJobEntity> findByIdempotencyKey(UUID userId, String key) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, key).firstResult();
    }
}
