package dev.atelier.provider.google;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Google Vertex AI: Imagen ({@code :predict}) and Gemini image models ({@code :generateContent}). */
@ConfigMapping(prefix = "atelier.providers.google")
public interface GoogleConfig {

    /** {@code GOOGLE_PROJECT_ID}; without it the provider is not configured. */
    Optional<String> projectId();

    /** {@code GOOGLE_LOCATION}. */
    @WithDefault("us-central1")
    String location();

    /** {@code GOOGLE_VERTEX_BASE_URL}; default {@code https://<location>-aiplatform.googleapis.com} (set in application.properties). */
    String baseUrl();

    /** {@code imagen-*} models use {@code :predict}; {@code gemini-*} models use {@code :generateContent}. */
    @WithDefault("gemini-3.1-flash-image")
    String model();

    /**
     * A fixed OAuth access token (tests, or a proxy that injects its own auth). When absent, Application Default
     * Credentials are used ({@code GOOGLE_APPLICATION_CREDENTIALS} or the metadata server).
     */
    Optional<String> accessToken();

    /** {@code GOOGLE_APPLICATION_CREDENTIALS}, only to tell whether credentials are configured. */
    Optional<String> credentialsFile();

    @WithDefault("PT10S")
    Duration maxRetryWait();

    /**
     * Overrides of the catalogue's price per image in USD by model name, and {@code default} for a model without a
     * price; prices live in the model catalogue (docs/providers.md).
     */
    Map<String, BigDecimal> prices();
}
