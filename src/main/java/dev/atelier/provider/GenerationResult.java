package dev.atelier.provider;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a successful generation produced and what it cost.
 *
 * @param usage the tokens the vendor reported (token-billed models), or null
 */
public record GenerationResult(ProviderId provider, String model, List<GeneratedImage> images, BigDecimal costUsd,
        TokenUsage usage) {

    public GenerationResult(ProviderId provider, String model, List<GeneratedImage> images, BigDecimal costUsd) {
        this(provider, model, images, costUsd, null);
    }
}
