package dev.atelier.routing;

import java.time.LocalDate;
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

    /** A model found retired: since when and how it was found. */
    public record Retirement(LocalDate on, String reason) {
    }

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keyspace;
    private final String retiredKey;
    private final String announcedKey;
    private final Map<String, Retirement> retired = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> announced = new ConcurrentHashMap<>();

    ModelRetirements(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.keyspace = redis.key(String.class);
        this.retiredKey = keys.key("models", "retired");
        this.announcedKey = keys.key("models", "shutdown");
    }

    private static String field(ProviderId provider, String model) {
        return provider.name() + "/" + model;
    }

    /** Records for every replica that the vendor no longer serves {@code model}. */
    public Uni<Void> markRetired(ProviderId provider, String model, LocalDate on, String reason) {
        LOG.warnf("provider=%s model %s marked retired for the cluster: %s", provider, model, reason);
        retired.put(field(provider, model), new Retirement(on, reason));
        return hashes.hset(retiredKey, field(provider, model), on + "|" + reason).replaceWithVoid();
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
        return Optional.ofNullable(retired.get(field(provider, model)));
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
                    Map<String, Retirement> nowRetired = new HashMap<>();
                    both.getItem1().forEach((field, value) -> {
                        int bar = value.indexOf('|');
                        nowRetired.put(field, new Retirement(LocalDate.parse(value.substring(0, bar)), value.substring(bar + 1)));
                    });
                    Map<String, LocalDate> nowAnnounced = new HashMap<>();
                    both.getItem2().forEach((field, value) -> nowAnnounced.put(field, LocalDate.parse(value)));
                    retired.keySet().retainAll(nowRetired.keySet());
                    retired.putAll(nowRetired);
                    announced.keySet().retainAll(nowAnnounced.keySet());
                    announced.putAll(nowAnnounced);
                })
                .replaceWithVoid();
    }

    /** Forgets everything learnt (tests and operators: after a vendor brings a model back). */
    public Uni<Void> forgetAll() {
        retired.clear();
        announced.clear();
        return keyspace.del(retiredKey, announcedKey).replaceWithVoid();
    }
}
