package dev.atelier.routing;

import java.util.List;
import java.util.Map;

import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;

/**
 * The providers to try, in order, and why; with every provider's quote (its {@code model} is the one to call) and,
 * for those left out, the reason; {@code warnings} say where another model than the one asked for serves.
 */
public record RoutingDecision(List<ProviderId> chain, List<String> reasons, Map<ProviderId, Quote> quotes,
        Map<ProviderId, String> excluded, Map<ProviderId, String> warnings) {

    public RoutingDecision(List<ProviderId> chain, List<String> reasons, Map<ProviderId, Quote> quotes,
            Map<ProviderId, String> excluded) {
        this(chain, reasons, quotes, excluded, Map.of());
    }
}
