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
}
