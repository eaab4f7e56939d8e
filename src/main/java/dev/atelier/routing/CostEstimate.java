package dev.atelier.routing;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;

/** The price of a request on the provider the router would choose, with every alternative. */
public record CostEstimate(ProviderId provider, String model, Double usd, @NonNull List<@NonNull ProviderQuote> alternatives) {

    /** The estimate a routing decision makes: its first provider's quote, and every provider's with why it is out. */
    public static CostEstimate of(RoutingDecision decision) {
        List<ProviderQuote> alternatives = new ArrayList<>();
        decision.quotes().forEach((id, quote) -> alternatives.add(new ProviderQuote(id, quote.model(),
                quote.usd().doubleValue(), !decision.excluded().containsKey(id), decision.excluded().get(id))));
        if (decision.chain().isEmpty()) {
            return new CostEstimate(null, null, null, alternatives);
        }
        Quote chosen = decision.quotes().get(decision.chain().get(0));
        return new CostEstimate(chosen.provider(), chosen.model(), chosen.usd().doubleValue(), alternatives);
    }
}
