package dev.atelier.routing;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.prompt.PromptConfig;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.catalogue.ModelCatalogue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells the operator early when a configured model goes away: a gauge per configured provider's model
 * ({@code atelier_model_days_to_shutdown}, NaN while no date is known; labels: provider and its one configured
 * model, so bounded), and the warnings in the log at startup and once a day - the LLM enhancement's chat model's
 * too.
 */
@ApplicationScoped
public class ModelWatch {

    private static final Logger LOG = Logger.getLogger(ModelWatch.class);

    private final ProviderRegistry providers;
    private final ModelLifecycle lifecycle;
    private final ModelCatalogue catalogue;
    private final PromptConfig prompts;
    private final RoutingConfig config;

    ModelWatch(ProviderRegistry providers, ModelLifecycle lifecycle, ModelCatalogue catalogue, PromptConfig prompts,
            RoutingConfig config) {
        this.providers = providers;
        this.lifecycle = lifecycle;
        this.catalogue = catalogue;
        this.prompts = prompts;
        this.config = config;
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
        chatWarning().ifPresent(warning -> LOG.warn(warning));
    }

    /** The LLM enhancement's chat model, when it shuts down within the warning window. */
    Optional<String> chatWarning() {
        String model = prompts.llm().model();
        return catalogue.chatModel(model).filter(chat -> chat.shutdownDate() != null).flatMap(chat -> {
            long days = ChronoUnit.DAYS.between(lifecycle.today(), chat.shutdownDate());
            if (days > config.models().warnDays()) {
                return Optional.empty();
            }
            return Optional.of("LLM enhancement: the chat model " + model + (days < 0 ? " was shut down on "
                    : " shuts down on ") + chat.shutdownDate() + (chat.replacement() == null ? ""
                            : "; set OPENAI_CHAT_MODEL to " + chat.replacement()));
        });
    }

    /** The warnings about a provider's configured model (empty when it has none or is not configured). */
    public List<String> warnings(ImageProvider provider) {
        return provider.configured() ? lifecycle.warnings(provider.id(), provider.model()) : List.of();
    }
}
