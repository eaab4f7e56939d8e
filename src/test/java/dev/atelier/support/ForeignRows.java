package dev.atelier.support;

import java.time.Duration;
import java.util.UUID;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Rows that belong to somebody else than the caller, written straight to the database. */
public final class ForeignRows {

    private ForeignRows() {
    }

    /** A new user; returns its id. */
    public static UUID user(Pool pool) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into users (id, subject, email, display_name, created_at, updated_at)
                values ($1, $2, $3, 'Someone else', now(), now())""")
                .execute(Tuple.of(id, "other-" + id, "other-" + id + "@example.org"))
                .await().atMost(Duration.ofSeconds(5));
        return id;
    }

    /** A finished job of that user; returns its id. */
    public static UUID job(Pool pool, UUID userId) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into generation_jobs (id, user_id, status, stage, request, queued_at)
                values ($1, $2, 'SUCCEEDED', 'DONE', $3, now())""")
                .execute(Tuple.of(id, userId, new JsonObject().put("prompt", "not yours")))
                .await().atMost(Duration.ofSeconds(5));
        return id;
    }

    /** The local-mode user (created on first use): the caller of every test request in the default profile. */
    public static UUID localUser(Pool pool) {
        return pool.preparedQuery("select id from users where subject = 'local'").execute()
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID("id") : null)
                .await().atMost(Duration.ofSeconds(5));
    }

    /** An unfinished job row in a chosen state, with a runnable request, queued {@code agoSeconds} ago. */
    public static UUID unfinishedJob(Pool pool, UUID userId, String status, String prompt, double agoSeconds,
            String workerId, int deliveries) {
        UUID id = UUID.randomUUID();
        JsonObject request = new JsonObject().put("prompt", prompt).put("enhance", false).put("width", 64)
                .put("height", 64).put("count", 1).put("quality", "STANDARD").put("allowFallback", false);
        pool.preparedQuery("""
                insert into generation_jobs (id, user_id, status, stage, request, queued_at, worker_id, lease_until,
                                             deliveries)
                values ($1, $2, $3, $3, $4, now() - make_interval(secs => $5), $6,
                        case when $6::text is null then null else now() - interval '1 second' end, $7)""")
                .execute(Tuple.tuple().addUUID(id).addUUID(userId).addString(status).addValue(request)
                        .addDouble(agoSeconds).addString(workerId).addInteger(deliveries))
                .await().atMost(Duration.ofSeconds(5));
        return id;
    }

    /** A collection of that user; returns its id. */
    public static UUID collection(Pool pool, UUID userId, String name) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into collections (id, user_id, name, visibility) values ($1, $2, $3, 'PRIVATE')")
                .execute(Tuple.of(id, userId, name)).await().atMost(Duration.ofSeconds(5));
        return id;
    }
}
