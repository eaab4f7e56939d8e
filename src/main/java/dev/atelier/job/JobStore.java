package dev.atelier.job;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atelier.provider.ProviderId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The worker's writes to a job row, as single SQL statements that only move a job forward: a transition applies
 * only from a non-terminal status, progress never decreases, and the version increases with each write. Usable from
 * any thread (workers run outside request contexts).
 */
@ApplicationScoped
public class JobStore {

    private final Pool pool;
    private final ObjectMapper json;

    JobStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Moves a non-terminal job to a new stage; false when the job is already terminal (e.g. cancelled). */
    public Uni<Boolean> advance(UUID jobId, JobStatus status, String stage, double progress) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = $2, stage = $3, progress = greatest(progress, $4),
                       started_at = coalesce(started_at, now()), version = version + 1
                 where id = $1 and status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING')""")
                .execute(Tuple.of(jobId, status.name(), stage, progress))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Puts a running job back in the queue (rate limits), keeping its progress; false when it is terminal. */
    public Uni<Boolean> requeue(UUID jobId, String stage) {
        return pool.preparedQuery("""
                update generation_jobs set status = 'QUEUED', stage = $2, version = version + 1
                 where id = $1 and status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING')""")
                .execute(Tuple.of(jobId, stage))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> linkPrompt(UUID jobId, UUID promptId) {
        return pool.preparedQuery("update generation_jobs set prompt_id = $2 where id = $1")
                .execute(Tuple.of(jobId, promptId)).replaceWithVoid();
    }

    /** Ends the job successfully, once. */
    public Uni<Boolean> succeed(UUID jobId, ProviderId provider, String model, JobAttempts attempts, BigDecimal cost) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = 'SUCCEEDED', stage = 'DONE', progress = 1, provider = $2, model = $3, attempts = $4,
                       actual_cost = $5, finished_at = now(), version = version + 1
                 where id = $1 and status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING')""")
                .execute(Tuple.of(jobId, provider.name(), model, jsonb(attempts), cost))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Ends the job as failed, once. */
    public Uni<Boolean> fail(UUID jobId, String code, String message, JobAttempts attempts) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = 'FAILED', stage = 'DONE', error_code = $2, error_message = $3, attempts = $4,
                       finished_at = now(), version = version + 1
                 where id = $1 and status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING')""")
                .execute(Tuple.of(jobId, code, message, jsonb(attempts)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Cancels a job that has not finished; false when it already had. */
    public Uni<Boolean> cancel(UUID jobId, UUID userId) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = 'CANCELLED', stage = 'DONE', finished_at = now(), version = version + 1
                 where id = $1 and user_id = $2 and status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING')""")
                .execute(Tuple.of(jobId, userId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Inserts the image row for a stored image. */
    public Uni<Void> addImage(UUID imageId, UUID userId, UUID jobId, ProviderId provider, String model, String storageKey,
            String sha256, String mimeType, int width, int height, Long seed, BigDecimal cost, String revisedPrompt) {
        return pool.preparedQuery("""
                insert into images (id, user_id, job_id, provider, model, storage_key, sha256, mime_type, width, height,
                                    seed, cost, revised_prompt, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""")
                .execute(Tuple.tuple().addUUID(imageId).addUUID(userId).addUUID(jobId).addString(provider.name())
                        .addString(model).addString(storageKey).addString(sha256).addString(mimeType)
                        .addInteger(width).addInteger(height).addLong(seed).addValue(cost).addString(revisedPrompt)
                        .addOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private JsonObject jsonb(JobAttempts attempts) {
        try {
            return new JsonObject(json.writeValueAsString(attempts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
