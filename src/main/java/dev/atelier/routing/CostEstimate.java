package dev.atelier.routing;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/** The price of a request on the provider the router would choose, with every alternative. */
public record CostEstimate(ProviderId provider, String model, Double usd, @NonNull List<@NonNull ProviderQuote> alternatives) {
}
