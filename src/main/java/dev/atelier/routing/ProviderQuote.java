package dev.atelier.routing;

import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/** One provider's price for a request, and why it would not be used, if it would not. */
public record ProviderQuote(@NonNull ProviderId provider, String model, Double usd, @NonNull boolean eligible,
        String ineligibleReason) {
}
