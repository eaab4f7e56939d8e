package dev.atelier.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.atelier.provider.ProviderId;
import dev.atelier.provider.catalogue.CatalogueModel;
import dev.atelier.provider.catalogue.ModelCatalogue;
import dev.atelier.provider.catalogue.ModelStatus;
import io.smallrye.mutiny.Uni;

/**
 * Where each model is in its life, from the catalogue, the shutdown dates vendors announce and the retirements the
 * cluster has seen ({@link ModelRetirements}): a model past its shutdown is never called - its replacement serves
 * (followed as long as the replacement is itself retired), or, with none, the provider is left out with the reason.
 */
@ApplicationScoped
public class ModelLifecycle {

    /**
     * What serves a request for a model.
     *
     * @param model     the model to call, or null when none can be
     * @param warning   why another model than the one asked for serves ("gpt-image-1.5 retired on 2026-12-01;
     *                  gpt-image-2.6-sunburst serves instead"), or null
     * @param exclusion why the provider cannot serve it ("model X retired on D"), or null
     */
    public record Choice(String model, String warning, String exclusion) {
    }

    private final ModelCatalogue catalogue;
    private final ModelRetirements retirements;
    private final RoutingConfig config;
    private final Clock clock;

    @Inject
    ModelLifecycle(ModelCatalogue catalogue, ModelRetirements retirements, RoutingConfig config) {
        this(catalogue, retirements, config, Clock.systemUTC());
    }

    ModelLifecycle(ModelCatalogue catalogue, ModelRetirements retirements, RoutingConfig config, Clock clock) {
        this.catalogue = catalogue;
        this.retirements = retirements;
        this.config = config;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The model that serves a request for {@code wanted} at {@code provider}. */
    public Choice choose(ProviderId provider, String wanted) {
        String model = wanted;
        String firstGone = null;
        Set<String> seen = new HashSet<>();
        while (seen.add(model)) {
            Optional<String> gone = retired(provider, model);
            if (gone.isEmpty()) {
                return new Choice(model, firstGone == null ? null : firstGone + "; " + model + " serves instead", null);
            }
            firstGone = firstGone == null ? gone.get() : firstGone;
            String next = catalogue.model(provider, model).replacement();
            if (next == null || next.isBlank()) {
                break;
            }
            model = next;
        }
        return new Choice(null, null, firstGone);
    }

    /** Why {@code model} is not served any more ("model X retired on D"), or empty while it is. */
    public Optional<String> retired(ProviderId provider, String model) {
        Optional<ModelRetirements.Retirement> refused = retirements.retired(provider, model);
        if (refused.isPresent()) {
            return Optional.of("model " + model + " retired on " + refused.get().on() + " (" + refused.get().reason() + ")");
        }
        CatalogueModel known = catalogue.model(provider, model);
        LocalDate shutdown = shutdownDate(provider, model);
        if (known.status() == ModelStatus.SHUTDOWN || (shutdown != null && !today().isBefore(shutdown))) {
            return Optional.of("model " + model + " retired on " + (shutdown == null ? "an earlier date" : shutdown));
        }
        return Optional.empty();
    }

    /** Records for every replica that the vendor refused {@code model} as gone (from today). */
    public Uni<Void> markRetired(ProviderId provider, String model, String reason) {
        return retirements.markRetired(provider, model, today(), reason);
    }

    /** The earliest shutdown date known for the model: the vendor's announcement or the catalogue's. */
    public LocalDate shutdownDate(ProviderId provider, String model) {
        LocalDate listed = catalogue.model(provider, model).shutdownDate();
        LocalDate announced = retirements.announcedShutdown(provider, model).orElse(null);
        if (listed == null) {
            return announced;
        }
        return announced == null || listed.isBefore(announced) ? listed : announced;
    }

    /** ACTIVE, DEPRECATED (a shutdown date is known) or SHUTDOWN, as of today. */
    public ModelStatus status(ProviderId provider, String model) {
        if (retired(provider, model).isPresent()) {
            return ModelStatus.SHUTDOWN;
        }
        CatalogueModel known = catalogue.model(provider, model);
        return shutdownDate(provider, model) != null ? ModelStatus.DEPRECATED : known.status();
    }

    /** Days until the model's shutdown (negative once past), or null when none is known. */
    public Long daysToShutdown(ProviderId provider, String model) {
        LocalDate shutdown = shutdownDate(provider, model);
        return shutdown == null ? null : ChronoUnit.DAYS.between(today(), shutdown);
    }

    /**
     * What an operator should hear about the model a provider is configured with: that it is retired (and what
     * serves instead), or that it shuts down within the warning window.
     */
    public List<String> warnings(ProviderId provider, String model) {
        List<String> warnings = new ArrayList<>();
        Choice choice = choose(provider, model);
        if (choice.exclusion() != null) {
            warnings.add(choice.exclusion() + " and no replacement is known: " + provider + " is left out");
        } else if (choice.warning() != null) {
            warnings.add(choice.warning() + "; set the configured model to " + choice.model());
        }
        Long days = daysToShutdown(provider, choice.model() == null ? model : choice.model());
        if (days != null && days >= 0 && days <= config.models().warnDays()) {
            String served = choice.model() == null ? model : choice.model();
            String next = catalogue.model(provider, served).replacement();
            warnings.add("model " + served + " shuts down on " + shutdownDate(provider, served) + " (in " + days
                    + " day" + (days == 1 ? "" : "s") + ")" + (next == null ? "" : "; its replacement is " + next));
        }
        return warnings;
    }
}
