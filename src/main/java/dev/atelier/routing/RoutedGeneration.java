package dev.atelier.routing;

import java.util.List;

import dev.atelier.provider.GenerationResult;

/** A successful routed generation: the result and every attempt it took to get it. */
public record RoutedGeneration(GenerationResult result, List<ProviderAttempt> attempts) {
}
