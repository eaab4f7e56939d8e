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

import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderCapabilities;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;
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

    ProviderSelector(ProviderRegistry providers, ProviderHealth health, CircuitBreakerMaintenance breakers,
            RoutingConfig config, PauseBoard pauses) {
        this.providers = providers;
        this.health = health;
        this.breakers = breakers;
        this.config = config;
        this.pauses = pauses;
    }

    public RoutingDecision decide(RoutingRequest request) {
        Map<ProviderId, Quote> quotes = new EnumMap<>(ProviderId.class);
        Map<ProviderId, String> excluded = new LinkedHashMap<>();
        List<ImageProvider> eligible = new ArrayList<>();
        boolean auto = request.provider() == null;
        boolean localAllowed = localInAuto();
        for (ImageProvider provider : providers.all()) {
            Quote quote = provider.quote(request.image());
            quotes.put(provider.id(), quote);
            String reason = exclusion(provider, request, quote, auto, localAllowed);
            if (reason == null) {
                eligible.add(provider);
            } else {
                excluded.put(provider.id(), reason);
            }
        }
        List<String> reasons = new ArrayList<>();
        Comparator<ImageProvider> order = ranking(request, quotes, reasons);
        eligible.sort(order);
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
        return new RoutingDecision(chain, List.copyOf(reasons), quotes, excluded);
    }

    private String exclusion(ImageProvider provider, RoutingRequest request, Quote quote, boolean auto,
            boolean localAllowed) {
        ProviderId id = provider.id();
        if (!provider.configured()) {
            return "not configured";
        }
        if (id == ProviderId.LOCAL && auto && !localAllowed) {
            return "offline preview, used only when no vendor is configured";
        }
        ImageRequest image = request.image();
        ProviderCapabilities caps = provider.capabilities();
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
        if (request.maxCostUsd() != null && quote.usd().compareTo(request.maxCostUsd()) > 0) {
            return "costs " + quote.usd().toPlainString() + " USD, over the remaining budget of "
                    + request.maxCostUsd().toPlainString() + " USD";
        }
        return null;
    }

    private Comparator<ImageProvider> ranking(RoutingRequest request, Map<ProviderId, Quote> quotes, List<String> reasons) {
        Comparator<ImageProvider> byPrice = Comparator.comparing(p -> quotes.get(p.id()).usd());
        Comparator<ImageProvider> byQuality = Comparator.comparingDouble((ImageProvider p) -> quality(p)).reversed();
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
        return Comparator.comparingDouble((ImageProvider p) -> -valueFor(p, quotes.get(p.id()).usd())).thenComparing(bySpeed);
    }

    /** Quality per dollar; a cent is added so free providers don't divide by zero and still rank by quality. */
    private double valueFor(ImageProvider provider, BigDecimal price) {
        return quality(provider) / (0.01 + price.doubleValue());
    }

    double quality(ImageProvider provider) {
        Double specific = config.quality().get(provider.id().name() + "." + provider.model());
        if (specific != null) {
            return specific;
        }
        return config.quality().getOrDefault(provider.id().name(), 0.5);
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
