package dev.atelier.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.gallery.CollectionFiling;
import dev.atelier.provider.ProviderId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The workers' writes to job rows, as single guarded SQL statements. A worker first claims a job (a lease it keeps
 * renewing); every later write applies only while that worker still holds the job and the job is not terminal, so a
 * worker that lost its lease (it stalled and another took over) or a cancelled job cannot be written twice.
 * Progress never decreases and the version increases with each write. Usable from any thread.
 */
@ApplicationScoped
public class JobStore {

    static final String ACTIVE = JobStatus.UNFINISHED_SQL;

    /** A job a worker now holds. */
    public record Claim(UUID jobId, UUID userId, JobRequest request, int deliveries, String worker,
            double waitedSeconds) {
    }

    /** One image row to insert when a job succeeds. */
    public record ImageRow(UUID id, String storageKey, String sha256, String mimeType, int width, int height, Long seed,
            BigDecimal cost, String revisedPrompt) {
    }

    /** A job handed back to the queue. */
    public record Released(UUID jobId, UUID userId) {
    }

    private final Pool pool;
    private final JsonColumns json;

    JobStore(Pool pool, JsonColumns json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * Takes the job for {@code worker} when it is unfinished and nobody holds a live lease on it; null otherwise
     * (finished, cancelled, or running elsewhere). A taken job starts over from QUEUED (a job taken over from a dead
     * worker runs its stages again; its progress is kept).
     */
    public Uni<Claim> claim(UUID jobId, String worker, Duration lease) {
        return pool.preparedQuery("""
                update generation_jobs
                   set worker_id = $2, lease_until = now() + make_interval(secs => $3), deliveries = deliveries + 1,
                       available_at = null, status = 'QUEUED', version = version + 1
                 where id = $1 and status in %s and (worker_id is null or lease_until < now())
             returning user_id, request, deliveries, extract(epoch from now() - queued_at)::float8 as waited"""
                .formatted(ACTIVE))
                .execute(Tuple.of(jobId, worker, (double) lease.toMillis() / 1000))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Claim(jobId, row.getUUID("user_id"), json.read(row.getJsonObject("request"), JobRequest.class),
                            row.getInteger("deliveries"), worker, row.getDouble("waited"));
                });
    }

    /**
     * Records a job that runs right away in the calling request (the OpenAI-compatible endpoint): inserted as
     * GENERATING and held by {@code worker}, so it finishes through the same guarded writes as a queued job.
     */
    public Uni<Claim> insertRunning(UUID userId, JobRequest request, BigDecimal estimatedCost, String worker,
            Duration lease) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("""
                insert into generation_jobs (id, user_id, status, stage, progress, request, estimated_cost, queued_at,
                                             started_at, worker_id, lease_until, deliveries)
                values ($1, $2, 'GENERATING', 'GENERATING', 0.1, $3, $4, now(), now(), $5,
                        now() + make_interval(secs => $6), 1)""")
                .execute(Tuple.tuple().addUUID(id).addUUID(userId).addValue(json.write(request)).addValue(estimatedCost)
                        .addString(worker).addDouble((double) lease.toMillis() / 1000))
                .map(rows -> new Claim(id, userId, request, 1, worker, 0));
    }

    /** How a run ended a job: its terminal status and the provider that served it (null if none). */
    public record Outcome(JobStatus status, String provider) {
    }

    /** Whether the job is finished (or gone): its queue entry can be acknowledged. */
    public Uni<Boolean> finished(UUID jobId) {
        return pool.preparedQuery("select status from generation_jobs where id = $1").execute(Tuple.of(jobId))
                .map(rows -> !rows.iterator().hasNext()
                        || JobStatus.valueOf(rows.iterator().next().getString("status")).terminal());
    }

    /** Renews the leases of the given jobs, as far as they are still held by these workers. */
    public Uni<Integer> renewLeases(UUID[] jobIds, String workerPrefix, Duration lease) {
        if (jobIds.length == 0) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("""
                update generation_jobs set lease_until = now() + make_interval(secs => $3)
                 where id = any($1) and worker_id like $2 and status in %s""".formatted(ACTIVE))
                .execute(Tuple.of(jobIds, workerPrefix + "%", (double) lease.toMillis() / 1000))
                .map(rows -> rows.rowCount());
    }

    /** Hands every job held by these workers back to the queue (a stopping replica; not counted as a delivery). */
    public Uni<List<Released>> release(String workerPrefix, String stage) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = 'QUEUED', stage = $2, worker_id = null, lease_until = null,
                       deliveries = greatest(deliveries - 1, 0), version = version + 1
                 where worker_id like $1 and status in %s
             returning id, user_id""".formatted(ACTIVE))
                .execute(Tuple.of(workerPrefix + "%", stage))
                .map(rows -> {
                    List<Released> released = new ArrayList<>();
                    rows.forEach(row -> released.add(new Released(row.getUUID("id"), row.getUUID("user_id"))));
                    return released;
                });
    }

    /** The lifecycle order ({@link JobStatus}'s), in SQL: a job never moves back to an earlier status. */
    private static String rank(String status) {
        StringBuilder sql = new StringBuilder("(case ").append(status);
        for (JobStatus each : JobStatus.values()) {
            sql.append(" when '").append(each.name()).append("' then ").append(each.ordinal());
        }
        return sql.append(" end)").toString();
    }

    /**
     * Moves a held job to the same or a later stage; false when the job is terminal (e.g. cancelled), no longer held,
     * or already further along (a late progress report cannot move it back).
     */
    public Uni<Boolean> advance(Claim claim, JobStatus status, String stage, double progress) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = $2, stage = $3, progress = greatest(progress, $4),
                       started_at = coalesce(started_at, now()), version = version + 1
                 where id = $1 and worker_id = $5 and status in %s and %s <= %s""".formatted(ACTIVE, rank("status"),
                rank("$2")))
                .execute(Tuple.of(claim.jobId(), status.name(), stage, progress, claim.worker()))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Puts a held job back in the queue for {@code wait} (rate limits), keeping its progress; a voluntary return
     * does not count as a delivery.
     */
    public Uni<Boolean> requeue(Claim claim, String stage, Duration wait) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = 'QUEUED', stage = $2, worker_id = null, lease_until = null,
                       available_at = now() + make_interval(secs => $3), deliveries = greatest(deliveries - 1, 0),
                       version = version + 1
                 where id = $1 and worker_id = $4 and status in %s""".formatted(ACTIVE))
                .execute(Tuple.of(claim.jobId(), stage, (double) wait.toMillis() / 1000, claim.worker()))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> linkPrompt(UUID jobId, UUID promptId) {
        return pool.preparedQuery("update generation_jobs set prompt_id = $2 where id = $1")
                .execute(Tuple.of(jobId, promptId)).replaceWithVoid();
    }

    /**
     * Ends a held job successfully and inserts its images in one transaction, filing them into the request's
     * collection when it names one of the owner's collections; false (and nothing written) when the job was not
     * held any more or already terminal.
     */
    public Uni<Boolean> succeed(Claim claim, ProviderId provider, String model, JobAttempts attempts, BigDecimal cost,
            List<ImageRow> images, UUID collectionId) {
        if (collectionId == null) {
            return succeed(pool, claim, provider, model, attempts, cost, images);
        }
        List<UUID> ids = images.stream().map(ImageRow::id).toList();
        return pool.withTransaction(tx -> succeed(tx, claim, provider, model, attempts, cost, images)
                .call(done -> done ? CollectionFiling.file(tx, claim.userId(), collectionId, ids)
                        : Uni.createFrom().voidItem()));
    }

    /** The guarded transition and the image rows as one statement (one round trip, atomic). */
    private Uni<Boolean> succeed(SqlClient client, Claim claim, ProviderId provider, String model,
            JobAttempts attempts, BigDecimal cost, List<ImageRow> images) {
        Tuple args = Tuple.tuple().addUUID(claim.jobId()).addString(provider.name()).addString(model)
                .addValue(json.write(attempts)).addValue(cost).addString(claim.worker())
                .addArrayOfUUID(images.stream().map(ImageRow::id).toArray(UUID[]::new))
                .addArrayOfString(images.stream().map(ImageRow::storageKey).toArray(String[]::new))
                .addArrayOfString(images.stream().map(ImageRow::sha256).toArray(String[]::new))
                .addArrayOfString(images.stream().map(ImageRow::mimeType).toArray(String[]::new))
                .addArrayOfInteger(images.stream().map(ImageRow::width).toArray(Integer[]::new))
                .addArrayOfInteger(images.stream().map(ImageRow::height).toArray(Integer[]::new))
                .addArrayOfLong(images.stream().map(ImageRow::seed).toArray(Long[]::new))
                .addArrayOfString(images.stream().map(i -> i.cost() == null ? null : i.cost().toPlainString())
                        .toArray(String[]::new))
                .addArrayOfString(images.stream().map(ImageRow::revisedPrompt).toArray(String[]::new))
                .addUUID(claim.request() != null && claim.request().isEdit() ? claim.request().edit().source().id() : null);
        return client.preparedQuery("""
                with done as (
                    update generation_jobs
                       set status = 'SUCCEEDED', stage = 'DONE', progress = 1, provider = $2, model = $3, attempts = $4,
                           actual_cost = $5, finished_at = now(), worker_id = null, lease_until = null,
                           version = version + 1
                     where id = $1 and worker_id = $6 and status in %s
                 returning id, user_id),
                stored as (
                    insert into images (id, user_id, job_id, provider, model, storage_key, sha256, mime_type, width,
                                        height, seed, cost, revised_prompt, kind, source_image_id, created_at)
                    select i.id, done.user_id, done.id, $2, $3, i.storage_key, i.sha256, i.mime_type, i.width, i.height,
                           i.seed, i.cost::numeric, i.revised_prompt,
                           case when $16::uuid is null then 'GENERATED' else 'EDITED' end,
                           -- the source may have been deleted while the edit ran: its lineage then reads null (the
                           -- lock keeps a concurrent delete from removing it between this read and the insert)
                           (select s.id from images s where s.id = $16::uuid for key share), now()
                      from done, unnest($7::uuid[], $8::text[], $9::text[], $10::text[], $11::int[], $12::int[],
                                        $13::bigint[], $14::text[], $15::text[])
                           as i(id, storage_key, sha256, mime_type, width, height, seed, cost, revised_prompt)
                 returning 1)
                select (select count(*) from done) as updated, (select count(*) from stored) as inserted"""
                .formatted(ACTIVE))
                .execute(args)
                .map(rows -> rows.iterator().next().getLong("updated") == 1);
    }

    /** Ends a held job as failed, once. */
    public Uni<Boolean> fail(Claim claim, String code, String message, JobAttempts attempts) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = 'FAILED', stage = 'DONE', error_code = $2, error_message = $3, attempts = $4,
                       finished_at = now(), worker_id = null, lease_until = null, version = version + 1
                 where id = $1 and worker_id = $5 and status in %s""".formatted(ACTIVE))
                .execute(Tuple.of(claim.jobId(), code, message, json.write(attempts), claim.worker()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Cancels a job that has not finished; false when it already had. */
    public Uni<Boolean> cancel(UUID jobId, UUID userId) {
        return pool.preparedQuery("""
                update generation_jobs
                   set status = 'CANCELLED', stage = 'DONE', finished_at = now(), worker_id = null, lease_until = null,
                       version = version + 1
                 where id = $1 and user_id = $2 and status in %s""".formatted(ACTIVE))
                .execute(Tuple.of(jobId, userId))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Unfinished jobs nobody holds (or whose holder's lease lapsed) that have waited longer than {@code grace}
     * since they became runnable: candidates for the reconciler, oldest first.
     */
    public Uni<List<UUID>> unattended(Duration grace, int limit) {
        return pool.preparedQuery("""
                select id from generation_jobs
                 where status in %s and (worker_id is null or lease_until < now())
                   and coalesce(available_at, queued_at) < now() - make_interval(secs => $1)
                 order by queued_at limit $2""".formatted(ACTIVE))
                .execute(Tuple.of((double) grace.toMillis() / 1000, limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return ids;
                });
    }
}
