package dev.atelier.job;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.pagination.PageRequest;
import dev.atelier.provider.ProviderId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Jobs as their owner reads them: always through the owner's id, so another user's job is never found. */
@ApplicationScoped
public class JobReads {

    private final Pool pool;
    private final JsonColumns json;

    JobReads(Pool pool, JsonColumns json) {
        this.pool = pool;
        this.json = json;
    }

    /** The job if it exists and belongs to the user; null otherwise. */
    public Uni<JobRow> owned(UUID jobId, UUID userId) {
        return pool.preparedQuery("select " + JobRow.COLUMNS + " from generation_jobs j where j.id = $1 and j.user_id = $2")
                .execute(Tuple.of(jobId, userId))
                .map(rows -> rows.iterator().hasNext() ? row(rows.iterator().next()) : null);
    }

    /** The user's jobs (optionally of one status), newest first, after the cursor; one extra row tells if more follow. */
    public Uni<List<JobRow>> page(UUID userId, JobStatus status, PageRequest request) {
        return pool.preparedQuery("""
                select %s from generation_jobs j
                 where j.user_id = $1 and ($2::text is null or j.status = $2)
                   and ($3::timestamptz is null or (j.queued_at, j.id) < ($3, $4))
                 order by j.queued_at desc, j.id desc limit $5""".formatted(JobRow.COLUMNS))
                .execute(Tuple.tuple().addUUID(userId).addString(status == null ? null : status.name())
                        .addOffsetDateTime(request.after() == null ? null
                                : request.after().at().atOffset(ZoneOffset.UTC))
                        .addUUID(request.after() == null ? null : request.after().id())
                        .addInteger(request.first() + 1))
                .map(rows -> {
                    List<JobRow> page = new ArrayList<>();
                    rows.forEach(row -> page.add(row(row)));
                    return page;
                });
    }

    /** A row selected with {@link JobRow#COLUMNS}. */
    JobRow row(Row row) {
        JsonObject attempts = row.getJsonObject("attempts");
        String provider = row.getString("provider");
        return new JobRow(row.getUUID("id"), JobStatus.valueOf(row.getString("status")), row.getString("stage"),
                row.getDouble("progress"), provider == null ? null : ProviderId.valueOf(provider), row.getString("model"),
                attempts == null ? JobAttempts.of(List.of()) : json.read(attempts, JobAttempts.class),
                row.getBigDecimal("estimated_cost"), row.getBigDecimal("actual_cost"), row.getString("error_code"),
                row.getString("error_message"), row.getUUID("prompt_id"), JobRow.instant(row.getOffsetDateTime("queued_at")),
                JobRow.instant(row.getOffsetDateTime("started_at")), JobRow.instant(row.getOffsetDateTime("finished_at")));
    }
}
