package dev.atelier.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.support.ForeignRows;
import dev.atelier.support.GraphQL;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Nothing is lost when a worker dies: its pending queue entry is claimed by a live worker once idle and its lapsed
 * lease lets that worker take the job; a job with no queue entry at all is put back by the reconciler; a job that
 * keeps killing its workers fails instead of looping. Each ends in exactly one terminal state with no duplicate image.
 */
@QuarkusTest
class JobRecoveryTest {

    @Inject
    Pool pool;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    JobStore store;

    @Inject
    RedisKeys keys;

    UUID owner;

    @BeforeEach
    void caller() {
        GraphQL.post("{ me { id } }", java.util.Map.of());
        owner = ForeignRows.localUser(pool);
    }

    @Test
    void anEntryLeftPendingByADeadWorkerIsReclaimedAndTheJobRunsOnce() {
        // the dead worker took the job and its entry, started generating, and stopped renewing its lease
        UUID job = ForeignRows.unfinishedJob(pool, owner, "GENERATING", "a lighthouse in fog", 0, "dead-worker-0", 1);
        redis.execute("EVAL", """
                redis.call('XADD', KEYS[1], '*', 'job', ARGV[1])
                return redis.call('XREADGROUP', 'GROUP', 'workers', 'dead-worker-0', 'COUNT', '100', 'STREAMS', KEYS[1], '>')""",
                "1", keys.key("jobs"), job.toString()).await().atMost(Duration.ofSeconds(5));
        assertThat(pendingFor("dead-worker-0")).isPositive();

        await().atMost(Duration.ofSeconds(20)).until(() -> status(job).equals("SUCCEEDED"));

        Row row = row(job);
        assertThat(row.getInteger("deliveries")).as("taken over once").isEqualTo(2);
        assertThat(row.getString("worker_id")).isNull();
        assertThat(imageCount(job)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingFor("dead-worker-0") == 0);
    }

    @Test
    void aQueuedJobMissingFromTheStreamIsPutBackByTheReconciler() {
        UUID job = ForeignRows.unfinishedJob(pool, owner, "QUEUED", "a teapot on a windowsill", 60, null, 0);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(job).equals("SUCCEEDED"));

        assertThat(row(job).getInteger("deliveries")).isEqualTo(1);
        assertThat(imageCount(job)).isEqualTo(1);
    }

    @Test
    void aJobWhoseWorkersKeepDyingFailsInsteadOfLooping() {
        UUID job = ForeignRows.unfinishedJob(pool, owner, "GENERATING", "a cursed prompt", 60, "dead-worker-1", 3);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(job).equals("FAILED"));

        Row row = row(job);
        assertThat(row.getString("error_code")).isEqualTo("INTERNAL");
        assertThat(row.getString("error_message")).contains("stopped 3 times");
        assertThat(imageCount(job)).isZero();
    }

    @Test
    void aWorkerThatLostItsLeaseCannotWriteTheJob() {
        UUID job = ForeignRows.unfinishedJob(pool, owner, "GENERATING", "a slow worker", 0, "worker-new-0", 2);
        JobStore.Claim stale = new JobStore.Claim(job, owner, null, 1, "worker-old-0", 0);

        boolean advanced = store.advance(stale, JobStatus.STORING, "STORING", 0.9).await().atMost(Duration.ofSeconds(5));
        boolean succeeded = store.succeed(stale, dev.atelier.provider.ProviderId.LOCAL, "m", JobAttempts.of(java.util.List.of()),
                java.math.BigDecimal.ONE, java.util.List.of(new JobStore.ImageRow(UUID.randomUUID(), "k", "s", "image/png",
                        1, 1, null, java.math.BigDecimal.ONE, null)), null).await().atMost(Duration.ofSeconds(5));

        assertThat(advanced).isFalse();
        assertThat(succeeded).isFalse();
        assertThat(status(job)).isEqualTo("GENERATING");
        assertThat(imageCount(job)).as("the image insert rolled back with the refused transition").isZero();
        pool.preparedQuery("update generation_jobs set status = 'CANCELLED', worker_id = null where id = $1")
                .execute(Tuple.of(job)).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aLateProgressReportCannotMoveAJobBackToAnEarlierStage() {
        UUID job = ForeignRows.unfinishedJob(pool, owner, "STORING", "a late tick", 0, "worker-late-0", 1);
        pool.preparedQuery("update generation_jobs set lease_until = now() + interval '1 minute' where id = $1")
                .execute(Tuple.of(job)).await().atMost(Duration.ofSeconds(5));
        JobStore.Claim holder = new JobStore.Claim(job, owner, null, 1, "worker-late-0", 0);

        boolean movedBack = store.advance(holder, JobStatus.GENERATING, "GENERATING", 0.5).await().atMost(Duration.ofSeconds(5));
        boolean movedOn = store.advance(holder, JobStatus.STORING, "STORING", 0.95).await().atMost(Duration.ofSeconds(5));

        assertThat(movedBack).isFalse();
        assertThat(movedOn).isTrue();
        assertThat(status(job)).isEqualTo("STORING");
        pool.preparedQuery("update generation_jobs set status = 'CANCELLED', worker_id = null where id = $1")
                .execute(Tuple.of(job)).await().atMost(Duration.ofSeconds(5));
    }

    private long pendingFor(String consumer) {
        io.vertx.mutiny.redis.client.Response summary = redis.execute("XPENDING", keys.key("jobs"), "workers")
                .await().atMost(Duration.ofSeconds(5));
        io.vertx.mutiny.redis.client.Response consumers = summary.get(3);
        if (consumers == null) {
            return 0;
        }
        for (int i = 0; i < consumers.size(); i++) {
            if (consumer.equals(consumers.get(i).get(0).toString())) {
                return consumers.get(i).get(1).toLong();
            }
        }
        return 0;
    }

    private Row row(UUID job) {
        return pool.preparedQuery("select * from generation_jobs where id = $1").execute(Tuple.of(job))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
    }

    private String status(UUID job) {
        return row(job).getString("status");
    }

    private long imageCount(UUID job) {
        return pool.preparedQuery("select count(*) as n from images where job_id = $1").execute(Tuple.of(job))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong("n");
    }
}
