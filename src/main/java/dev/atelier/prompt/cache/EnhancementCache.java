package dev.atelier.prompt.cache;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.prompt.PromptConfig;
import dev.atelier.prompt.engine.Enhancement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Two-level cache of enhancements: L1 in this replica's memory (Caffeine), L2 in Redis, shared by every replica.
 * An L2 hit refills L1. Redis trouble never fails a request: the cache then just misses.
 * Metrics: {@code atelier_prompt_cache_total{level="l1|l2", result="hit|miss"}}.
 */
@ApplicationScoped
public class EnhancementCache {

    private static final Logger LOG = Logger.getLogger(EnhancementCache.class);

    private final Cache<String, Enhancement> local;
    private final ReactiveValueCommands<String, String> redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final long ttlSeconds;
    private final Counter l1Hits;
    private final Counter l1Misses;
    private final Counter l2Hits;
    private final Counter l2Misses;

    EnhancementCache(PromptConfig config, ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json,
            MeterRegistry metrics) {
        this.local = Caffeine.newBuilder()
                .maximumSize(config.cache().l1MaxEntries())
                .expireAfterWrite(config.cache().ttl())
                .build();
        this.redis = redis.value(String.class, String.class);
        this.keys = keys;
        this.json = json;
        this.ttlSeconds = Math.max(1, config.cache().ttl().toSeconds());
        this.l1Hits = counter(metrics, "l1", "hit");
        this.l1Misses = counter(metrics, "l1", "miss");
        this.l2Hits = counter(metrics, "l2", "hit");
        this.l2Misses = counter(metrics, "l2", "miss");
    }

    private static Counter counter(MeterRegistry metrics, String level, String result) {
        return Counter.builder("atelier.prompt.cache")
                .description("Enhancement cache lookups by level and result")
                .tag("level", level).tag("result", result)
                .register(metrics);
    }

    /** The cached enhancement, looking in L1 then L2. */
    public Uni<Optional<Enhancement>> get(EnhancementKey key) {
        Enhancement hit = local.getIfPresent(key.hash());
        if (hit != null) {
            l1Hits.increment();
            return Uni.createFrom().item(Optional.of(hit));
        }
        l1Misses.increment();
        return redis.get(redisKey(key))
                .map(value -> Optional.ofNullable(value).flatMap(this::decode))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Enhancement cache: Redis read failed (%s); treating as a miss", e.getMessage());
                    return Optional.empty();
                })
                .invoke(found -> {
                    if (found.isPresent()) {
                        l2Hits.increment();
                        local.put(key.hash(), found.get());
                    } else {
                        l2Misses.increment();
                    }
                });
    }

    /** Stores the enhancement in both levels. */
    public Uni<Void> put(EnhancementKey key, Enhancement enhancement) {
        local.put(key.hash(), enhancement);
        String value;
        try {
            value = json.writeValueAsString(enhancement);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().voidItem();
        }
        return redis.set(redisKey(key), value, new SetArgs().ex(ttlSeconds))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Enhancement cache: Redis write failed (%s)", e.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    /** Empties this replica's L1 (L2 is untouched); for tests and for operators after a template change. */
    public void clearLocal() {
        local.invalidateAll();
    }

    private Optional<Enhancement> decode(String value) {
        try {
            return Optional.of(json.readValue(value, Enhancement.class));
        } catch (JsonProcessingException e) {
            LOG.warn("Enhancement cache: unreadable Redis entry ignored");
            return Optional.empty();
        }
    }

    private String redisKey(EnhancementKey key) {
        return keys.key("cache", "enhance", key.hash());
    }
}
