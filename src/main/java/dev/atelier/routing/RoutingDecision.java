package dev.atelier.routing;

import java.util.List;
import java.util.Map;

import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;

/**
 * The providers to try, in order, and why; with every provider's quote and, for those left out, the reason.
 */
public record RoutingDecision(List<ProviderId> chain, List<String> reasons, Map<ProviderId, Quote> quotes,
        Map<ProviderId, String> excluded) {
}
