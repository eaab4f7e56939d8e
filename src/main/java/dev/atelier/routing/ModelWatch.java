package dev.atelier.routing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.provider.ImageProvider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells the operator early when a configured model goes away: a gauge per configured provider's model
 * ({@code atelier_model_days_to_shutdown}, NaN while no date is known; labels: provider and its one configured
 * model, so bounded), and the warnings in the log at startup and once a day.
 */
@ApplicationScoped
public class ModelWatch {

    private static final Logger LOG = Logger.getLogger(ModelWatch.class);

    private final ProviderRegistry providers;
    private final ModelLifecycle lifecycle;

    ModelWatch(ProviderRegistry providers, ModelLifecycle lifecycle) {
        this.providers = providers;
        this.lifecycle = lifecycle;
    }

    void registerGauges(@Observes StartupEvent startup, MeterRegistry metrics) {
        for (ImageProvider provider : providers.all()) {
            Gauge.builder("atelier.model.days.to.shutdown", () -> {
                Long days = lifecycle.daysToShutdown(provider.id(), provider.model());
                return days == null ? Double.NaN : days;
            }).tags("provider", provider.id().name(), "model", provider.model())
                    .description("Days until the configured model's announced shutdown (NaN: none known)")
                    .register(metrics);
        }
    }

    @Scheduled(every = "24h", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void logWarnings() {
        for (ImageProvider provider : providers.all()) {
            if (provider.configured()) {
                for (String warning : warnings(provider)) {
                    LOG.warnf("provider=%s %s", provider.id(), warning);
                }
            }
        }
    }

    /** The warnings about a provider's configured model (empty when it has none or is not configured). */
    public List<String> warnings(ImageProvider provider) {
        return provider.configured() ? lifecycle.warnings(provider.id(), provider.model()) : List.of();
    }
}
