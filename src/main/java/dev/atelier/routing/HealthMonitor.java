package dev.atelier.routing;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ProbeResult;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Probes every configured provider on a schedule ({@code atelier.routing.health.interval}, 60 s) through its free
 * endpoint - never a paid generation - and shares the result through {@link ProviderHealth}, and the shutdown
 * dates a vendor's model list announces through {@link ModelRetirements}. Each replica probes;
 * the results agree because they land in the same Redis hash.
 */
@ApplicationScoped
public class HealthMonitor {

    private static final Logger LOG = Logger.getLogger(HealthMonitor.class);

    private final ProviderRegistry providers;
    private final ProviderHealth health;
    private final ModelRetirements retirements;

    HealthMonitor(ProviderRegistry providers, ProviderHealth health, ModelRetirements retirements) {
        this.providers = providers;
        this.health = health;
        this.retirements = retirements;
    }

    @Scheduled(every = "${atelier.routing.health.interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> probeAll() {
        return Uni.join().all(providers.all().stream().filter(ImageProvider::configured).map(this::probe).toList())
                .andCollectFailures().replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** Probes one provider now and records the result. */
    public Uni<ProbeResult> probe(ImageProvider provider) {
        return provider.probe()
                .onFailure().recoverWithItem(e -> ProbeResult.down("probe failed", 0))
                .call(result -> health.recordProbe(provider.id(), result))
                // the vendor's model list says when models shut down: merged with the catalogue for every replica
                .call(result -> retirements.announce(provider.id(), result.shutdowns()))
                .invoke(result -> LOG.debugf("provider=%s probe=%s (%s, %d ms)", provider.id(), result.status(),
                        result.detail(), result.latencyMs()));
    }
}
