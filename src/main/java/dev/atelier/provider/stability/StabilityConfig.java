package dev.atelier.provider.stability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Stability AI v2beta Stable Image API. */
@ConfigMapping(prefix = "atelier.providers.stability")
public interface StabilityConfig {

    /** {@code STABILITY_API_KEY}; without it the provider is not configured. */
    Optional<String> apiKey();

    /** {@code STABILITY_BASE_URL} (set in application.properties). */
    String baseUrl();

    /**
     * {@code ultra}, {@code core}, or an SD3 model ({@code sd3.5-large}, {@code sd3.5-large-turbo},
     * {@code sd3.5-medium}) which goes to the {@code sd3} endpoint with its {@code model} field.
     */
    @WithDefault("core")
    String model();

    /**
     * The model image-to-image edits (no mask) go to when the configured model takes no source image (Core does not;
     * Ultra and the SD3.5 models do): {@code STABILITY_EDIT_MODEL}. Masked edits go to the inpaint endpoint.
     */
    @WithDefault("sd3.5-large")
    String editModel();

    /** Optional Core style preset (e.g. photographic, digital-art). */
    Optional<String> stylePreset();

    /** 429s at Stability mean a 60 s lockout when no Retry-After is sent. */
    @WithDefault("PT60S")
    Duration lockout();

    @WithDefault("PT10S")
    Duration maxRetryWait();

    /** Credits below this make the health probe report DEGRADED. */
    @WithDefault("10")
    double lowCredits();

    /**
     * Overrides of the catalogue's credits per image by model (1 credit = 0.01 USD), and {@code default} for a model
     * without a price; prices live in the model catalogue (docs/providers.md).
     */
    Map<String, BigDecimal> credits();
}
