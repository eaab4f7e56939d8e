package dev.atelier.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.common.redis.LuaScript;
import dev.atelier.provider.ProviderId;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Per-provider request budgets shared by every replica, kept in Redis and changed atomically by one Lua script:
 * a provider paused by a vendor 429 refuses everyone until the pause ends; otherwise a fixed-window counter allows
 * N requests per window in total, not N per replica.
 */
@ApplicationScoped
public class ClusterRateLimiter {

    /** KEYS[1] pause key, KEYS[2] window counter; ARGV[1] limit, ARGV[2] window ms. Returns {allowed, waitMs}. */
    static final String ACQUIRE = """
            local paused = redis.call('PTTL', KEYS[1])
            if paused > 0 then return {0, paused} end
            local limit = tonumber(ARGV[1])
            if limit <= 0 then return {1, 0} end
            local count = redis.call('INCR', KEYS[2])
            if count == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
            if count > limit then
              local ttl = redis.call('PTTL', KEYS[2])
              return {0, ttl > 0 and ttl or tonumber(ARGV[2])}
            end
            return {1, 0}""";

    /** A decision: allowed now, or how long until the provider has headroom again. */
    public record Permit(boolean allowed, long waitMs) {
    }

    private final LuaScript acquire;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keyspace;
    private final RedisKeys keys;
    private final Map<String, RoutingConfig.RateLimit> limits;

    ClusterRateLimiter(ReactiveRedisDataSource redis, RedisKeys keys, RoutingConfig config) {
        this.acquire = new LuaScript(redis, ACQUIRE);
        this.values = redis.value(String.class, String.class);
        this.keyspace = redis.key(String.class);
        this.keys = keys;
        this.limits = config.rateLimit();
    }

    /** Takes one request from the provider's budget, or says how long to wait. */
    public Uni<Permit> tryAcquire(ProviderId provider) {
        RoutingConfig.RateLimit limit = limits.get(provider.name());
        long requests = limit == null ? 0 : limit.requests();
        long windowMs = limit == null ? 60_000 : limit.window().toMillis();
        long window = System.currentTimeMillis() / windowMs;
        return acquire.run(List.of(pauseKey(provider), keys.key("ratelimit", provider.name(), Long.toString(window))),
                Long.toString(requests), Long.toString(windowMs)).map(ClusterRateLimiter::permit);
    }

    /** Pauses the provider for everyone (a vendor 429 with Retry-After). */
    public Uni<Void> pause(ProviderId provider, Duration duration) {
        long ms = Math.max(1, duration.toMillis());
        return values.psetex(pauseKey(provider), ms, "1");
    }

    /** Lifts a pause. */
    public Uni<Void> resume(ProviderId provider) {
        return keyspace.del(pauseKey(provider)).replaceWithVoid();
    }

    /** Milliseconds left on a pause, 0 when not paused. */
    public Uni<Long> pausedFor(ProviderId provider) {
        return keyspace.pttl(pauseKey(provider)).map(ms -> Math.max(0L, ms));
    }

    private String pauseKey(ProviderId provider) {
        return keys.key("ratelimit", provider.name(), "paused");
    }

    private static Permit permit(Response response) {
        return new Permit(response.get(0).toLong() == 1L, response.get(1).toLong());
    }
}
