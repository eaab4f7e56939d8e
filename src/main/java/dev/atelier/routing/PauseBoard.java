package dev.atelier.routing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.provider.ProviderId;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * This replica's view of which providers are paused by a vendor rate limit, for routing decisions without a Redis
 * round trip. The truth is the pause key in Redis ({@link ClusterRateLimiter}), which every acquisition checks
 * atomically; this view is refreshed from it every few seconds and updated at once by local pauses.
 */
@ApplicationScoped
public class PauseBoard {

    private final ClusterRateLimiter limiter;
    private final Map<ProviderId, Long> pausedUntil = new ConcurrentHashMap<>();

    PauseBoard(ClusterRateLimiter limiter) {
        this.limiter = limiter;
    }

    public long pausedFor(ProviderId provider) {
        Long until = pausedUntil.get(provider);
        return until == null ? 0 : Math.max(0, until - System.currentTimeMillis());
    }

    /** Pauses the provider everywhere (Redis) and here (now). */
    public Uni<Void> pause(ProviderId provider, Duration duration) {
        pausedUntil.put(provider, System.currentTimeMillis() + duration.toMillis());
        return limiter.pause(provider, duration);
    }

    /** Lifts a pause everywhere (operators, tests). */
    public Uni<Void> resume(ProviderId provider) {
        pausedUntil.remove(provider);
        return limiter.resume(provider);
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Uni.join().all(Arrays.stream(ProviderId.values())
                        .map(id -> limiter.pausedFor(id).invoke(ms -> {
                            if (ms > 0) {
                                pausedUntil.put(id, System.currentTimeMillis() + ms);
                            } else {
                                pausedUntil.remove(id);
                            }
                        })).toList())
                .andCollectFailures().replaceWithVoid().onFailure().recoverWithNull();
    }
}
