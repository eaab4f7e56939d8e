package dev.atelier.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import dev.atelier.provider.ProviderId;
import dev.atelier.routing.ProviderAttempt;
import dev.atelier.support.TestData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;

@QuarkusTest
class GenerationJobRepositoryTest {

    @Inject
    GenerationJobRepository jobs;

    @Test
    @RunOnVertxContext
    void writesAndReadsBackEveryColumn(UniAsserter asserter) {
        GenerationJobEntity job = new GenerationJobEntity();
        asserter.execute(() -> TestData.user().invoke(user -> {
            job.id = UUID.randomUUID();
            job.userId = user.id;
            job.status = JobStatus.SUCCEEDED;
            job.stage = "STORING";
            job.progress = 1.0;
            job.request = Map.of("prompt", "a cat", "count", 2, "size", "1024x1024");
            job.provider = ProviderId.STABILITY;
            job.model = "sd3.5-large";
            job.attempts = JobAttempts.of(List.of(
                    new ProviderAttempt(ProviderId.OPENAI, "gpt-image-1.5", "FAILED", "RETRYABLE", 812),
                    new ProviderAttempt(ProviderId.STABILITY, "sd3.5-large", "SUCCEEDED", null, 20_400)));
            job.estimatedCost = new BigDecimal("0.065000");
            job.actualCost = new BigDecimal("0.130000");
            job.errorCode = null;
            job.errorMessage = null;
            job.idempotencyKey = "key-" + job.id;
            job.queuedAt = TestData.now();
            job.startedAt = job.queuedAt.plusMillis(15);
            job.finishedAt = job.queuedAt.plusSeconds(21);
        }));
        asserter.execute(() -> Panache.withTransaction(() -> jobs.persist(job)));
        asserter.assertThat(() -> Panache.withSession(() -> jobs.findByIdempotencyKey(job.userId, job.idempotencyKey)),
                found -> {
                    assertThat(found.id).isEqualTo(job.id);
                    assertThat(found.status).isEqualTo(JobStatus.SUCCEEDED);
                    assertThat(found.stage).isEqualTo("STORING");
                    assertThat(found.progress).isEqualTo(1.0);
                    assertThat(found.request).containsEntry("prompt", "a cat").containsEntry("count", 2);
                    assertThat(found.provider).isEqualTo(ProviderId.STABILITY);
                    assertThat(found.model).isEqualTo("sd3.5-large");
                    assertThat(found.attempts.items()).containsExactlyElementsOf(job.attempts.items());
                    assertThat(found.estimatedCost).isEqualByComparingTo("0.065");
                    assertThat(found.actualCost).isEqualByComparingTo("0.13");
                    assertThat(found.queuedAt).isEqualTo(job.queuedAt);
                    assertThat(found.startedAt).isEqualTo(job.startedAt);
                    assertThat(found.finishedAt).isEqualTo(job.finishedAt);
                    assertThat(found.version).isZero();
                });
    }

    @Test
    @RunOnVertxContext
    void idempotencyKeyIsUniquePerUser(UniAsserter asserter) {
        UUID[] owner = new UUID[1];
        asserter.execute(() -> TestData.user().invoke(u -> owner[0] = u.id));
        asserter.execute(() -> Panache.withTransaction(() -> jobs.persist(job(owner[0], "same"))));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> jobs.persist(job(owner[0], "same"))),
                failure -> assertThat(failure).isInstanceOf(ConstraintViolationException.class));
        // another user may use the same key
        asserter.execute(() -> TestData.user().flatMap(other ->
                Panache.withTransaction(() -> jobs.persist(job(other.id, "same")))));
    }

    private static GenerationJobEntity job(UUID userId, String key) {
        GenerationJobEntity job = new GenerationJobEntity();
        job.id = UUID.randomUUID();
        job.userId = userId;
        job.request = Map.of("prompt", "x");
        job.idempotencyKey = key;
        job.queuedAt = TestData.now();
        return job;
    }
}
