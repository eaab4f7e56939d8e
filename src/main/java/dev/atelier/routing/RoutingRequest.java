package dev.atelier.routing;

import java.math.BigDecimal;

import dev.atelier.provider.ImageEdit;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderId;

/**
 * What the router needs to choose: the image asked for (its prompt is filled per provider at execution), an
 * explicit provider or null for AUTO, the objective, and the most the caller may spend (null = no limit).
 */
public record RoutingRequest(ImageRequest image, ProviderId provider, boolean allowFallback, Budget budget,
        Priority priority, BigDecimal maxCostUsd) {

    /** The same request as an edit of {@code edit}'s images. */
    public RoutingRequest editing(ImageEdit edit) {
        return new RoutingRequest(image.editing(edit), provider, allowFallback, budget, priority, maxCostUsd);
    }

    /** The same request with its image's theme set, when it had none. */
    public RoutingRequest withTheme(String theme) {
        return image.theme() != null ? this
                : new RoutingRequest(image.withTheme(theme), provider, allowFallback, budget, priority, maxCostUsd);
    }
}
