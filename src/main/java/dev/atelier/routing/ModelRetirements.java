package dev.atelier.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.provider.ProviderId;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * What the cluster has learnt about model lifecycles beyond the catalogue, kept in Redis for every replica: models a
 * vendor refused as not found (retired now, whatever the catalogue says) and the shutdown dates a vendor's model list
 * announces. Routing reads a local snapshot, reloaded every few seconds and on every local write.
 */
@ApplicationScoped
public class ModelRetirements {

    private static final Logger LOG = Logger.getLogger(ModelRetirements.class);

    /**
     * A model found retired: since when, how it was found, and until when the mark holds - a vendor also answers
     * "not found" for a model an account may not use or a mistyped region, so a mark expires
     * ({@code atelier.routing.models.retired-for}, 24 h) and the model is tried again; a model truly gone is marked
     * again by its next refusal.
     */
    public record Retirement(LocalDate on, String reason, Instant until) {
    }

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keyspace;
    private final String retiredKey;
    private final String announcedKey;
    private final Map<String, Retirement> retired = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> announced = new ConcurrentHashMap<>();

    private final Duration markFor;

    ModelRetirements(ReactiveRedisDataSource redis, RedisKeys keys, RoutingConfig config) {
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.keyspace = redis.key(String.class);
        this.retiredKey = keys.key("models", "retired");
        this.announcedKey = keys.key("models", "shutdown");
        this.markFor = config.models().retiredFor();
    }

    private static String field(ProviderId provider, String model) {
        return provider.name() + "/" + model;
    }

    /** Records for every replica that the vendor no longer serves {@code model}, for the marking period. */
    public Uni<Void> markRetired(ProviderId provider, String model, LocalDate on, String reason) {
        Instant until = Instant.now().plus(markFor);
        LOG.warnf("provider=%s model %s marked retired for the cluster until %s: %s", provider, model, until, reason);
        retired.put(field(provider, model), new Retirement(on, reason, until));
        return hashes.hset(retiredKey, field(provider, model), on + "|" + until.toEpochMilli() + "|" + reason)
                .replaceWithVoid();
    }

    /** Records the shutdown dates a vendor's model list announces (a null date: none announced). */
    public Uni<Void> announce(ProviderId provider, Map<String, LocalDate> shutdownDates) {
        Map<String, String> fields = new HashMap<>();
        shutdownDates.forEach((model, date) -> {
            if (date != null) {
                fields.put(field(provider, model), date.toString());
                announced.put(field(provider, model), date);
            }
        });
        return fields.isEmpty() ? Uni.createFrom().voidItem() : hashes.hset(announcedKey, fields).replaceWithVoid();
    }

    public Optional<Retirement> retired(ProviderId provider, String model) {
        return Optional.ofNullable(retired.get(field(provider, model))).filter(r -> r.until().isAfter(Instant.now()));
    }

    /** The shutdown date the vendor itself announced for the model, if it did. */
    public Optional<LocalDate> announcedShutdown(ProviderId provider, String model) {
        return Optional.ofNullable(announced.get(field(provider, model)));
    }

    @Scheduled(every = "${atelier.routing.models.refresh-every:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().invoke(e -> LOG.debugf("model retirements not reloaded: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Reloads what every replica has recorded. */
    public Uni<Void> refresh() {
        return Uni.combine().all().unis(hashes.hgetall(retiredKey), hashes.hgetall(announcedKey)).asTuple()
                .invoke(both -> {
                    // merged, never replaced: a mark written here while this read was on its way is kept
                    both.getItem1().forEach((field, value) -> parse(value).ifPresent(r -> retired.put(field, r)));
                    both.getItem2().forEach((field, value) -> {
                        try {
                            announced.put(field, LocalDate.parse(value));
                        } catch (DateTimeParseException e) {
                            LOG.debugf("unreadable announced shutdown for %s: %s", field, value);
                        }
                    });
                    retired.values().removeIf(r -> !r.until().isAfter(Instant.now()));
                })
                .replaceWithVoid();
    }

    /** {@code date|untilMillis|reason}; empty for anything else (a value from an older version, or damaged). */
    private static Optional<Retirement> parse(String value) {
        String[] parts = value.split("\\|", 3);
        try {
            return parts.length == 3 ? Optional.of(new Retirement(LocalDate.parse(parts[0]), parts[2],
                    Instant.ofEpochMilli(Long.parseLong(parts[1])))) : Optional.empty();
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Forgets everything learnt (tests and operators: after a vendor brings a model back). */
    public Uni<Void> forgetAll() {
        retired.clear();
        announced.clear();
        return keyspace.del(retiredKey, announcedKey).replaceWithVoid();
    }
}
