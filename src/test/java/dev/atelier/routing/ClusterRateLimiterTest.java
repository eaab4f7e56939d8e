package dev.atelier.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.provider.Outcomes;
import dev.atelier.provider.ProviderId;
import dev.atelier.support.ProvidersProfile;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

/** Two independent limiter stacks on one Redis share one budget (as two replicas would). */
@QuarkusTest
@TestProfile(ProvidersProfile.class)
class ClusterRateLimiterTest {

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Inject
    RoutingConfig config;

    @ConfigProperty(name = "atelier.routing.rate-limit.SDWEBUI.requests")
    int limit;

    @Test
    void twoInstancesAllowNInTotalNotNEach() {
        ClusterRateLimiter replicaA = new ClusterRateLimiter(redis, keys, config);
        ClusterRateLimiter replicaB = new ClusterRateLimiter(redis, keys, config);
        Outcomes.value(redis.execute("DEL", keys.key("ratelimit", "SDWEBUI",
                Long.toString(System.currentTimeMillis() / 60_000))));

        List<Uni<ClusterRateLimiter.Permit>> calls = new ArrayList<>();
        for (int i = 0; i < 2 * limit; i++) {
            calls.add(replicaA.tryAcquire(ProviderId.SDWEBUI));
            calls.add(replicaB.tryAcquire(ProviderId.SDWEBUI));
        }
        List<ClusterRateLimiter.Permit> permits = Outcomes.value(Uni.join().all(calls).andFailFast());

        long allowed = permits.stream().filter(ClusterRateLimiter.Permit::allowed).count();
        // a window boundary may fall inside the burst: then the next window grants its own budget
        assertThat(allowed).isIn((long) limit, 2L * limit);
        if (allowed == limit) {
            assertThat(permits.stream().filter(p -> !p.allowed())).allMatch(p -> p.waitMs() > 0);
        }
    }

    @Test
    void aPauseOnOneInstanceStopsTheOther() {
        ClusterRateLimiter replicaA = new ClusterRateLimiter(redis, keys, config);
        ClusterRateLimiter replicaB = new ClusterRateLimiter(redis, keys, config);

        Outcomes.value(replicaA.pause(ProviderId.GOOGLE, Duration.ofSeconds(5)));
        ClusterRateLimiter.Permit permit = Outcomes.value(replicaB.tryAcquire(ProviderId.GOOGLE));

        assertThat(permit.allowed()).isFalse();
        assertThat(permit.waitMs()).isBetween(1L, 5_000L);
        Outcomes.value(replicaB.resume(ProviderId.GOOGLE));
        assertThat(Outcomes.value(replicaA.tryAcquire(ProviderId.GOOGLE)).allowed()).isTrue();
    }
}
