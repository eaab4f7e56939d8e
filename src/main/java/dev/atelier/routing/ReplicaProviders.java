package dev.atelier.routing;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ProviderId;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Which providers each live replica has configured, announced in one Redis hash ({@code replicas}: replica id →
 * "last-seen millis|OPENAI,LOCAL"), refreshed every few seconds and withdrawn at the first shutdown signal. A replica
 * that cannot serve a job (its pinned provider, or every eligible one, is not configured here) hands the job to the
 * queue again when another live replica announces one that can - in a rolling update that adds a vendor key, the old
 * pods must not fail the new jobs - and fails it only when none does.
 */
@ApplicationScoped
public class ReplicaProviders {

    private static final Logger LOG = Logger.getLogger(ReplicaProviders.class);
    /** An announcement older than this is a dead replica's. */
    static final Duration LIVE = Duration.ofSeconds(15);

    private final ReactiveHashCommands<String, String, String> hashes;
    private final String key;
    private final String self = "replica-" + UUID.randomUUID().toString().substring(0, 8);
    private final String configured;
    private volatile boolean withdrawn;

    ReplicaProviders(ReactiveRedisDataSource redis, RedisKeys keys, ProviderRegistry providers) {
        this.hashes = redis.hash(String.class);
        this.key = keys.key("replicas");
        this.configured = providers.all().stream().filter(ImageProvider::configured).map(p -> p.id().name())
                .sorted().collect(Collectors.joining(","));
    }

    /** This replica's id in the directory. */
    public String self() {
        return self;
    }

    /** The first announcement, at startup, before this replica takes jobs. */
    void start(@Observes StartupEvent event) {
        announce().await().atMost(Duration.ofSeconds(5));
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announce() {
        if (withdrawn) {
            return Uni.createFrom().voidItem();
        }
        return hashes.hset(key, self, System.currentTimeMillis() + "|" + configured).replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("could not announce this replica's providers: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Stops announcing (a stopping replica): the others no longer count on it. */
    public Uni<Void> withdraw() {
        withdrawn = true;
        return hashes.hdel(key, self).replaceWithVoid().onFailure().recoverWithNull();
    }

    /**
     * Whether another live replica has one of these providers configured. Stale entries (replicas that died without
     * withdrawing) are dropped on the way.
     */
    public Uni<Boolean> servedElsewhere(Set<ProviderId> wanted) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return hashes.hgetall(key).map(all -> {
            long now = System.currentTimeMillis();
            boolean found = false;
            for (Map.Entry<String, String> replica : all.entrySet()) {
                Announcement a = Announcement.parse(replica.getValue());
                if (a == null || now - a.seenAt() > LIVE.toMillis()) {
                    hashes.hdel(key, replica.getKey()).subscribe().with(n -> {
                    }, e -> {
                    });
                    continue;
                }
                if (!replica.getKey().equals(self) && a.providers().stream().anyMatch(wanted::contains)) {
                    found = true;
                }
            }
            return found;
        });
    }

    /** One replica's announcement. */
    record Announcement(long seenAt, Set<ProviderId> providers) {
        static Announcement parse(String value) {
            try {
                String[] parts = value.split("\\|", 2);
                Set<ProviderId> providers = EnumSet.noneOf(ProviderId.class);
                if (parts.length == 2 && !parts[1].isBlank()) {
                    List<String> names = Arrays.asList(parts[1].split(","));
                    names.forEach(n -> providers.add(ProviderId.valueOf(n)));
                }
                return new Announcement(Long.parseLong(parts[0]), providers);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
