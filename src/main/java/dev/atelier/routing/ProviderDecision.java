package dev.atelier.routing;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/** The provider chain the router would try, and why. */
public record ProviderDecision(@NonNull List<@NonNull ProviderId> chain, @NonNull List<@NonNull String> reasons) {
}
