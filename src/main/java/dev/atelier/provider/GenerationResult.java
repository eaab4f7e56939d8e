package dev.atelier.provider;

import java.math.BigDecimal;
import java.util.List;

/** What a successful generation produced and what it cost. */
public record GenerationResult(ProviderId provider, String model, List<GeneratedImage> images, BigDecimal costUsd) {
}
