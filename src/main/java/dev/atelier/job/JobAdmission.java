package dev.atelier.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.user.SpendLedger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lets new jobs in, all or none: in one transaction the user's budget is checked against the sum of their
 * estimates (the user row is locked, so concurrent requests queue up behind each other) and the rows are inserted
 * QUEUED. An idempotency key that already has a job returns that job, unreserved and not duplicated.
 */
@ApplicationScoped
public class JobAdmission {

    /** A job to create. */
    public record NewJob(UUID id, JobRequest request, BigDecimal estimate, String key) {
    }

    /** A job of the request: created now (with its row as inserted), or found by its key (row null: read it). */
    public record Admitted(UUID id, boolean created, JobRow row) {
    }

    private final Pool pool;
    private final SpendLedger ledger;
    private final JsonColumns json;

    private final JobReads reads;

    JobAdmission(Pool pool, SpendLedger ledger, JsonColumns json, JobReads reads) {
        this.pool = pool;
        this.ledger = ledger;
        this.json = json;
        this.reads = reads;
    }

    public Uni<List<Admitted>> admit(UUID userId, List<NewJob> jobs) {
        return byKey(pool, userId, jobs).flatMap(existing -> {
            List<NewJob> fresh = jobs.stream().filter(j -> j.key() == null || !existing.containsKey(j.key())).toList();
            BigDecimal total = fresh.stream().map(j -> j.estimate() == null ? BigDecimal.ZERO : j.estimate())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Uni<Map<UUID, JobRow>> inserted = fresh.isEmpty() ? Uni.createFrom().item(Map.of())
                    : pool.withTransaction(tx -> ledger.reserve(tx, userId, total).chain(() -> insertAll(tx, userId, fresh)));
            return inserted.flatMap(created -> {
                // a concurrent request with the same key won the insert: answer with its job
                boolean raced = fresh.stream().anyMatch(j -> !created.containsKey(j.id()));
                Uni<Map<String, UUID>> keys = raced ? byKey(pool, userId, jobs) : Uni.createFrom().item(existing);
                return keys.map(found -> jobs.stream().map(j -> created.containsKey(j.id())
                        ? new Admitted(j.id(), true, created.get(j.id()))
                        : new Admitted(found.get(j.key()), false, null)).toList());
            });
        });
    }

    /** The rows inserted (a key another request holds inserts none), as inserted: the answer needs no re-read. */
    private Uni<Map<UUID, JobRow>> insertAll(SqlClient tx, UUID userId, List<NewJob> jobs) {
        Uni<Map<UUID, JobRow>> all = Uni.createFrom().item(new HashMap<>());
        for (NewJob job : jobs) {
            all = all.flatMap(rows -> tx.preparedQuery("""
                    insert into generation_jobs as j (id, user_id, status, stage, request, estimated_cost,
                                                      idempotency_key, prompt_id, queued_at)
                    values ($1, $2, 'QUEUED', 'QUEUED', $3, $4, $5, $6, clock_timestamp())
                    on conflict on constraint jobs_idempotency_key_per_user do nothing
                    returning %s""".formatted(JobRow.COLUMNS))
                    .execute(Tuple.tuple().addUUID(job.id()).addUUID(userId).addValue(json.write(job.request()))
                            .addValue(job.estimate()).addString(job.key()).addUUID(job.request().promptId()))
                    .map(inserted -> {
                        inserted.forEach(row -> rows.put(row.getUUID("id"), reads.row(row)));
                        return rows;
                    }));
        }
        return all;
    }

    private static Uni<Map<String, UUID>> byKey(SqlClient client, UUID userId, List<NewJob> jobs) {
        String[] keys = jobs.stream().map(NewJob::key).filter(k -> k != null).toArray(String[]::new);
        if (keys.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select id, idempotency_key from generation_jobs where user_id = $1 "
                        + "and idempotency_key = any($2)")
                .execute(Tuple.of(userId, keys))
                .map(rows -> {
                    Map<String, UUID> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("idempotency_key"), row.getUUID("id")));
                    return found;
                });
    }

}
