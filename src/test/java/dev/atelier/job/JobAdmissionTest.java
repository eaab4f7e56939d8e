package dev.atelier.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.provider.ImageRequest;
import dev.atelier.routing.RoutingRequest;
import dev.atelier.support.ForeignRows;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** An idempotency key names one job per user: the same user gets the same job back, another user a job of their own. */
@QuarkusTest
class JobAdmissionTest {

    @Inject
    JobAdmission admission;

    @Inject
    Pool pool;

    private JobAdmission.Admitted admit(UUID user, String key) {
        return admission.admit(user, List.of(new JobAdmission.NewJob(UUID.randomUUID(),
                JobRequest.inline(JobRequest.GRAPHQL, new RoutingRequest(ImageRequest.of("a cat", 64, 64), null, false,
                        null, null, null), null), BigDecimal.ZERO, key)))
                .await().atMost(Duration.ofSeconds(5)).get(0);
    }

    private long jobsWithKey(String key) {
        return pool.preparedQuery("select count(*) as n from generation_jobs where idempotency_key = $1")
                .execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong("n");
    }

    @Test
    void anIdempotencyKeyIsUniquePerUser() {
        UUID one = ForeignRows.user(pool);
        UUID other = ForeignRows.user(pool);
        String key = "same-" + UUID.randomUUID();

        JobAdmission.Admitted first = admit(one, key);
        JobAdmission.Admitted again = admit(one, key);
        JobAdmission.Admitted theirs = admit(other, key);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).as("the same user's key returns the job it made").isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(theirs.created()).as("another user may use the same key").isTrue();
        assertThat(theirs.id()).isNotEqualTo(first.id());
        assertThat(jobsWithKey(key)).isEqualTo(2);
    }
}
