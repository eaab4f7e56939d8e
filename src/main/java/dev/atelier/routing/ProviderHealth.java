package dev.atelier.routing;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.provider.ProbeResult;
import dev.atelier.provider.ProviderId;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.list.ReactiveListCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * What every replica knows about each provider's health, kept in Redis: the last probe, the recent outcomes of real
 * requests (passive health), and the measured latency (EWMA). Routing reads a local snapshot, refreshed from Redis
 * every few seconds and on every local write, so a decision costs no network round trip.
 */
@ApplicationScoped
public class ProviderHealth {

    private static final Logger LOG = Logger.getLogger(ProviderHealth.class);
    private static final double EWMA_ALPHA = 0.2;
    private static final int MIN_SAMPLES = 5;

    /** A provider's health as the router sees it. */
    public record Snapshot(String probeStatus, String detail, Instant checkedAt, Long probeLatencyMs,
            double successRate, int samples, Long latencyMs) {

        static final Snapshot UNKNOWN = new Snapshot("UNKNOWN", "not checked yet", null, null, 1.0, 0, null);

        /** UP, DEGRADED, DOWN or UNKNOWN, from the probe and the passive success rate together. */
        public String status() {
            if ("DOWN".equals(probeStatus)) {
                return "DOWN";
            }
            if (samples >= MIN_SAMPLES && successRate < 0.2) {
                return "DOWN";
            }
            if ("DEGRADED".equals(probeStatus) || (samples >= MIN_SAMPLES && successRate < 0.5)) {
                return "DEGRADED";
            }
            return probeStatus;
        }
    }

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveListCommands<String, String> lists;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keyspace;
    private final RedisKeys keys;
    private final int window;
    private final Map<ProviderId, Snapshot> snapshots = new ConcurrentHashMap<>();

    ProviderHealth(ReactiveRedisDataSource redis, RedisKeys keys, RoutingConfig config) {
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.lists = redis.list(String.class, String.class);
        this.values = redis.value(String.class, String.class);
        this.keyspace = redis.key(String.class);
        this.keys = keys;
        this.window = config.health().window();
    }

    public Snapshot snapshot(ProviderId provider) {
        return snapshots.getOrDefault(provider, Snapshot.UNKNOWN);
    }

    public Map<ProviderId, Snapshot> all() {
        Map<ProviderId, Snapshot> all = new EnumMap<>(ProviderId.class);
        for (ProviderId id : ProviderId.values()) {
            all.put(id, snapshot(id));
        }
        return all;
    }

    /** Stores a probe result for every replica. */
    public Uni<Void> recordProbe(ProviderId provider, ProbeResult probe) {
        return hashes.hset(key("health", provider), Map.of("status", probe.status(), "detail", probe.detail(),
                        "checkedAt", Long.toString(System.currentTimeMillis()), "latencyMs", Long.toString(probe.latencyMs())))
                .chain(() -> refresh(provider));
    }

    /** Marks a provider down until its next good probe (credentials refused, account out of credit). */
    public Uni<Void> markDown(ProviderId provider, String detail) {
        return recordProbe(provider, ProbeResult.down(detail, 0));
    }

    /** Records a real request's outcome (passive health) and, on success, its latency. */
    public Uni<Void> recordOutcome(ProviderId provider, boolean success, long latencyMs) {
        String outcomes = key("outcomes", provider);
        Uni<Void> write = lists.lpush(outcomes, success ? "1" : "0").chain(() -> lists.ltrim(outcomes, 0, window - 1));
        if (success) {
            Long previous = snapshot(provider).latencyMs();
            long ewma = previous == null ? latencyMs : Math.round(EWMA_ALPHA * latencyMs + (1 - EWMA_ALPHA) * previous);
            write = write.chain(() -> values.set(key("latency", provider), Long.toString(ewma)));
        }
        return write.chain(() -> refresh(provider))
                .onFailure().invoke(e -> LOG.warnf("Could not record %s health in Redis: %s", provider, e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Forgets everything known about a provider (tests and operators). */
    public Uni<Void> reset(ProviderId provider) {
        return keyspace.del(key("health", provider), key("outcomes", provider), key("latency", provider))
                .invoke(() -> snapshots.remove(provider)).replaceWithVoid();
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshAll() {
        return Uni.join().all(Arrays.stream(ProviderId.values()).map(this::refresh).toList())
                .andCollectFailures().replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** Reloads one provider's state from Redis into the local snapshot. */
    public Uni<Void> refresh(ProviderId provider) {
        return Uni.combine().all().unis(hashes.hgetall(key("health", provider)),
                        lists.lrange(key("outcomes", provider), 0, -1), values.get(key("latency", provider)))
                .asTuple().invoke(t -> snapshots.put(provider, snapshot(t.getItem1(), t.getItem2(), t.getItem3())))
                .replaceWithVoid();
    }

    private static Snapshot snapshot(Map<String, String> health, List<String> outcomes, String latency) {
        Map<String, String> fields = health == null ? Map.of() : health;
        List<String> results = outcomes == null ? List.of() : outcomes;
        long ok = results.stream().filter("1"::equals).count();
        double rate = results.isEmpty() ? 1.0 : (double) ok / results.size();
        return new Snapshot(fields.getOrDefault("status", "UNKNOWN"), fields.getOrDefault("detail", "not checked yet"),
                fields.containsKey("checkedAt") ? Instant.ofEpochMilli(Long.parseLong(fields.get("checkedAt"))) : null,
                fields.containsKey("latencyMs") ? Long.parseLong(fields.get("latencyMs")) : null,
                rate, results.size(), latency == null ? null : Long.parseLong(latency));
    }

    private String key(String kind, ProviderId provider) {
        return keys.key(kind, provider.name());
    }
}
