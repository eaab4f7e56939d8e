package dev.atelier.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.common.pagination.Cursor;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.routing.ProviderAttempt;
import dev.atelier.support.ForeignRows;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Job rows read back with every column the API shows, only ever through their owner. */
@QuarkusTest
class JobReadsTest {

    @Inject
    Pool pool;

    @Inject
    JobReads jobs;

    @Test
    void readsBackEveryColumnForTheOwnerOnly() {
        UUID owner = ForeignRows.user(pool);
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into generation_jobs (id, user_id, status, stage, progress, request, provider, model, attempts,
                                             estimated_cost, actual_cost, queued_at, started_at, finished_at)
                values ($1, $2, 'SUCCEEDED', 'DONE', 1, '{"prompt": "a cat"}', 'STABILITY', 'sd3.5-large', $3,
                        0.065, 0.13, now() - interval '21 seconds', now() - interval '20 seconds', now())""")
                .execute(Tuple.of(id, owner, new JsonObject().put("items", List.of(
                        new JsonObject().put("provider", "OPENAI").put("model", "gpt-image-2.6-sunburst")
                                .put("outcome", "FAILED").put("errorCode", "RETRYABLE").put("latencyMs", 812),
                        new JsonObject().put("provider", "STABILITY").put("model", "sd3.5-large")
                                .put("outcome", "SUCCEEDED").put("latencyMs", 20_400)))))
                .await().atMost(Duration.ofSeconds(5));

        JobRow row = jobs.owned(id, owner).await().atMost(Duration.ofSeconds(5));

        assertThat(row.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(row.stage()).isEqualTo("DONE");
        assertThat(row.progress()).isEqualTo(1.0);
        assertThat(row.provider()).isEqualTo(ProviderId.STABILITY);
        assertThat(row.model()).isEqualTo("sd3.5-large");
        assertThat(row.attempts().items()).extracting(ProviderAttempt::provider, ProviderAttempt::outcome)
                .containsExactly(tuple(ProviderId.OPENAI, "FAILED"),
                        tuple(ProviderId.STABILITY, "SUCCEEDED"));
        assertThat(row.estimatedCost()).isEqualByComparingTo(new BigDecimal("0.065"));
        assertThat(row.actualCost()).isEqualByComparingTo(new BigDecimal("0.13"));
        assertThat(row.queuedAt()).isBefore(row.startedAt());
        assertThat(row.finishedAt()).isAfter(row.startedAt());
        assertThat(jobs.owned(id, UUID.randomUUID()).await().atMost(Duration.ofSeconds(5))).as("someone else").isNull();
    }

    @Test
    void pagesNewestFirstAfterTheCursorAndByStatus() {
        UUID owner = ForeignRows.user(pool);
        UUID older = ForeignRows.unfinishedJob(pool, owner, "QUEUED", "older", 20, null, 0);
        UUID newer = ForeignRows.unfinishedJob(pool, owner, "QUEUED", "newer", 10, null, 0);
        UUID done = ForeignRows.job(pool, owner);

        List<JobRow> first = jobs.page(owner, JobStatus.QUEUED, new PageRequest(1, null)).await().atMost(Duration.ofSeconds(5));
        assertThat(first).as("the page and one more row, which tells that more follow").extracting(JobRow::id)
                .containsExactly(newer, older);
        Cursor after = new Cursor(first.get(0).queuedAt(), first.get(0).id());
        assertThat(jobs.page(owner, JobStatus.QUEUED, new PageRequest(10, after)).await().atMost(Duration.ofSeconds(5)))
                .extracting(JobRow::id).containsExactly(older);
        assertThat(jobs.page(owner, null, new PageRequest(10, null)).await().atMost(Duration.ofSeconds(5)))
                .extracting(JobRow::id).containsExactly(done, newer, older);
    }
}
