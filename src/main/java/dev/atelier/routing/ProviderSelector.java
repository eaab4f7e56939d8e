package dev.atelier.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.prompt.engine.PromptText;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderCapabilities;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;
import dev.atelier.provider.catalogue.ModelCatalogue;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Builds the provider chain for a request, in memory (no I/O): keep providers that are configured, able to do
 * the request, not DOWN, not behind an open breaker, not paused by a rate limit, and within the caller's budget;
 * rank them by the objective; keep the first {@code maxChain}. Every exclusion and the ranking are explained.
 */
@ApplicationScoped
public class ProviderSelector {

    private final ProviderRegistry providers;
    private final ProviderHealth health;
    private final CircuitBreakerMaintenance breakers;
    private final RoutingConfig config;
    private final PauseBoard pauses;
    private final ModelLifecycle lifecycle;
    private final ModelCatalogue catalogue;

    ProviderSelector(ProviderRegistry providers, ProviderHealth health, CircuitBreakerMaintenance breakers,
            RoutingConfig config, PauseBoard pauses, ModelLifecycle lifecycle, ModelCatalogue catalogue) {
        this.lifecycle = lifecycle;
        this.catalogue = catalogue;
        this.providers = providers;
        this.health = health;
        this.breakers = breakers;
        this.config = config;
        this.pauses = pauses;
    }

    public RoutingDecision decide(RoutingRequest request) {
        Map<ProviderId, Quote> quotes = new EnumMap<>(ProviderId.class);
        Map<ProviderId, String> excluded = new LinkedHashMap<>();
        Map<ProviderId, String> warnings = new EnumMap<>(ProviderId.class);
        List<ImageProvider> eligible = new ArrayList<>();
        boolean auto = request.provider() == null;
        boolean localAllowed = localInAuto();
        for (ImageProvider provider : providers.all()) {
            // the model asked for goes to the provider asked for; the others serve their configured model
            String wanted = request.provider() == provider.id() && request.image().model() != null
                    ? request.image().model() : provider.model();
            ModelLifecycle.Choice choice = lifecycle.choose(provider.id(), wanted);
            ImageRequest image = request.image().withModel(choice.model() == null ? wanted : choice.model());
            Quote quote = provider.quote(image);
            quotes.put(provider.id(), quote);
            if (choice.warning() != null) {
                warnings.put(provider.id(), choice.warning());
            }
            String reason = choice.exclusion() != null && provider.configured() ? choice.exclusion()
                    : exclusion(provider, image, quote, auto, localAllowed, request.maxCostUsd());
            if (reason == null) {
                eligible.add(provider);
            } else {
                excluded.put(provider.id(), reason);
            }
        }
        List<String> reasons = new ArrayList<>();
        Comparator<ImageProvider> order = ranking(request, quotes, reasons);
        eligible.sort(order);
        readersFirst(request, quotes, eligible, reasons);
        if (!auto) {
            ImageProvider chosen = eligible.stream().filter(p -> p.id() == request.provider()).findFirst().orElse(null);
            eligible.removeIf(p -> p.id() == request.provider());
            if (chosen != null) {
                eligible.add(0, chosen);
            }
            if (!request.allowFallback()) {
                eligible.removeIf(p -> p.id() != request.provider());
                reasons.add(0, request.provider() + " was asked for explicitly (no fallback)");
            } else {
                reasons.add(0, request.provider() + " was asked for explicitly, others are fallbacks");
            }
        }
        List<ProviderId> chain = eligible.stream().limit(Math.max(1, config.maxChain())).map(ImageProvider::id).toList();
        excluded.forEach((id, why) -> reasons.add(id + " left out: " + why));
        warnings.forEach((id, why) -> {
            if (chain.contains(id)) {
                reasons.add(id + ": " + why);
            }
        });
        return new RoutingDecision(chain, List.copyOf(reasons), quotes, excluded, Map.copyOf(warnings));
    }

    private String exclusion(ImageProvider provider, ImageRequest image, Quote quote, boolean auto,
            boolean localAllowed, BigDecimal maxCostUsd) {
        ProviderId id = provider.id();
        if (image.isEdit()) {
            // what a model can do is known whether or not it is configured here: an edit it cannot make is never
            // worth handing to a replica that has it
            String refusal = provider.capabilities(image.model()).edits().refusal(image.edit());
            if (refusal != null) {
                return refusal;
            }
        }
        if (!provider.configured()) {
            return "not configured";
        }
        if (id == ProviderId.LOCAL && auto && !localAllowed) {
            return "offline preview, used only when no vendor is configured";
        }
        ProviderCapabilities caps = provider.capabilities(image.model());
        // providers with a fixed size list snap to their nearest size; the others have a pixel budget
        if (caps.sizes().isEmpty() && !caps.supportsSize(image.width(), image.height())) {
            return "cannot draw " + image.size();
        }
        if (image.count() > caps.maxCount()) {
            return "at most " + caps.maxCount() + " image(s) per request";
        }
        if (image.seed() != null && !caps.seed()) {
            return "cannot honour a fixed seed";
        }
        if (image.negativePrompt() != null && !image.negativePrompt().isBlank() && !caps.negativePrompt()) {
            return "cannot honour a negative prompt";
        }
        String status = health.snapshot(id).status();
        if ("DOWN".equals(status)) {
            return "health DOWN (" + health.snapshot(id).detail() + ")";
        }
        CircuitBreakerState circuit = circuit(id);
        if (circuit == CircuitBreakerState.OPEN) {
            return "circuit open after recent failures";
        }
        long paused = pauses.pausedFor(id);
        if (paused > 0) {
            return "rate limited for another " + paused + " ms";
        }
        if (maxCostUsd != null && quote.usd().compareTo(maxCostUsd) > 0) {
            return "costs " + quote.usd().toPlainString() + " USD, over the remaining budget of "
                    + maxCostUsd.toPlainString() + " USD";
        }
        return null;
    }

    /**
     * An idea in another language than English goes first to the providers whose model reads it (GPT Image,
     * Gemini: the catalogue's {@code languages}), the English-only ones (the Stable Diffusion family) after them:
     * they are sent an English rendering of what the engine understood, which loses what it did not.
     */
    private void readersFirst(RoutingRequest request, Map<ProviderId, Quote> quotes, List<ImageProvider> eligible,
            List<String> reasons) {
        String language = PromptText.language(request.image().prompt());
        if (language == null || eligible.size() < 2) {
            return;
        }
        List<ImageProvider> readers = eligible.stream().filter(p -> reads(p, quotes.get(p.id()).model(), language))
                .toList();
        if (readers.isEmpty() || readers.size() == eligible.size()) {
            return;
        }
        List<ImageProvider> others = eligible.stream().filter(p -> !readers.contains(p)).toList();
        eligible.clear();
        eligible.addAll(readers);
        eligible.addAll(others);
        String name = PromptText.languageName(language);
        reasons.add("the idea is in " + name + ": " + readers.stream().map(p -> p.id().name()).toList()
                + " read " + name + " and come first; " + others.stream().map(p -> p.id().name()).toList()
                + " read English only (they get an English rendering)");
    }

    private boolean reads(ImageProvider provider, String model, String language) {
        return catalogue.model(provider.id(), model).capabilities().reads(language);
    }

    private Comparator<ImageProvider> ranking(RoutingRequest request, Map<ProviderId, Quote> quotes, List<String> reasons) {
        Comparator<ImageProvider> byPrice = Comparator.comparing(p -> quotes.get(p.id()).usd());
        Comparator<ImageProvider> byQuality = Comparator.comparingDouble((ImageProvider p) -> quality(p,
                quotes.get(p.id()).model())).reversed();
        Comparator<ImageProvider> bySpeed = Comparator.comparingLong(this::latency);
        Priority priority = request.priority();
        Budget budget = request.budget();
        if (priority == Priority.COST || budget == Budget.LOW) {
            reasons.add("ranked by price, cheapest first" + (budget == Budget.LOW ? " (budget LOW)" : ""));
            return byPrice.thenComparing(byQuality);
        }
        if (priority == Priority.SPEED) {
            reasons.add("ranked by measured latency, fastest first");
            return bySpeed.thenComparing(byPrice);
        }
        if (priority == Priority.QUALITY || budget == Budget.HIGH) {
            reasons.add("ranked by quality score, best first" + (budget == Budget.HIGH ? " (budget HIGH)" : ""));
            return byQuality.thenComparing(byPrice);
        }
        reasons.add("ranked by quality per dollar (no priority given)");
        return Comparator.comparingDouble((ImageProvider p) -> -valueFor(p, quotes.get(p.id()))).thenComparing(bySpeed);
    }

    /** Quality per dollar; a cent is added so free providers don't divide by zero and still rank by quality. */
    private double valueFor(ImageProvider provider, Quote quote) {
        return quality(provider, quote.model()) / (0.01 + quote.usd().doubleValue());
    }

    /**
     * The quality prior of a provider's model: the operator's {@code quality."<PROVIDER>.<model>"}, else their
     * {@code quality.<PROVIDER>}, else the catalogue's score for the model (or the provider's defaults), else 0.5.
     */
    double quality(ImageProvider provider, String model) {
        Double specific = config.quality().get(provider.id().name() + "." + model);
        if (specific == null) {
            specific = config.quality().get(provider.id().name());
        }
        if (specific == null) {
            specific = catalogue.model(provider.id(), model).quality();
        }
        return specific == null ? 0.5 : specific;
    }

    long latency(ImageProvider provider) {
        Long measured = health.snapshot(provider.id()).latencyMs();
        if (measured != null) {
            return measured;
        }
        return config.expectedLatencyMs().getOrDefault(provider.id().name(), 30_000L);
    }

    private CircuitBreakerState circuit(ProviderId id) {
        try {
            return breakers.currentState(id.name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknownBreaker) {
            return CircuitBreakerState.CLOSED;
        }
    }

    private boolean localInAuto() {
        String mode = config.localInAuto().trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "always", "true" -> true;
            case "never", "false" -> false;
            default -> !providers.anyVendorConfigured();
        };
    }
}
