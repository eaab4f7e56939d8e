package dev.atelier.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** A job of the request: created now, or found by its key. */
    public record Admitted(UUID id, boolean created) {
    }

    private final Pool pool;
    private final SpendLedger ledger;
    private final JsonColumns json;

    JobAdmission(Pool pool, SpendLedger ledger, JsonColumns json) {
        this.pool = pool;
        this.ledger = ledger;
        this.json = json;
    }

    public Uni<List<Admitted>> admit(UUID userId, List<NewJob> jobs) {
        return byKey(pool, userId, jobs).flatMap(existing -> {
            List<NewJob> fresh = jobs.stream().filter(j -> j.key() == null || !existing.containsKey(j.key())).toList();
            BigDecimal total = fresh.stream().map(j -> j.estimate() == null ? BigDecimal.ZERO : j.estimate())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Uni<Set<UUID>> inserted = fresh.isEmpty() ? Uni.createFrom().item(Set.of())
                    : pool.withTransaction(tx -> ledger.reserve(tx, userId, total).chain(() -> insertAll(tx, userId, fresh)));
            return inserted.flatMap(created -> {
                // a concurrent request with the same key won the insert: answer with its job
                boolean raced = fresh.stream().anyMatch(j -> !created.contains(j.id()));
                Uni<Map<String, UUID>> keys = raced ? byKey(pool, userId, jobs) : Uni.createFrom().item(existing);
                return keys.map(found -> jobs.stream().map(j -> created.contains(j.id()) ? new Admitted(j.id(), true)
                        : new Admitted(found.get(j.key()), false)).toList());
            });
        });
    }

    private Uni<Set<UUID>> insertAll(SqlClient tx, UUID userId, List<NewJob> jobs) {
        Uni<Set<UUID>> all = Uni.createFrom().item(new HashSet<>());
        for (NewJob job : jobs) {
            all = all.flatMap(ids -> tx.preparedQuery("""
                    insert into generation_jobs (id, user_id, status, stage, request, estimated_cost, idempotency_key,
                                                 prompt_id, queued_at)
                    values ($1, $2, 'QUEUED', 'QUEUED', $3, $4, $5, $6, clock_timestamp())
                    on conflict on constraint jobs_idempotency_key_per_user do nothing
                    returning id""")
                    .execute(Tuple.tuple().addUUID(job.id()).addUUID(userId).addValue(json.write(job.request()))
                            .addValue(job.estimate()).addString(job.key()).addUUID(job.request().promptId()))
                    .map(rows -> {
                        rows.forEach(row -> ids.add(row.getUUID("id")));
                        return ids;
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
