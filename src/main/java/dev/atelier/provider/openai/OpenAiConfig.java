package dev.atelier.provider.openai;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** OpenAI Images ({@code /v1/images/generations}) or any server that speaks the same API. */
@ConfigMapping(prefix = "atelier.providers.openai")
public interface OpenAiConfig {

    /** {@code OPENAI_API_KEY}; without it the provider is not configured. */
    Optional<String> apiKey();

    /** {@code OPENAI_BASE_URL}, e.g. https://api.openai.com/v1 or a LocalAI / proxy URL (set in application.properties). */
    String baseUrl();

    /**
     * Image model. {@code dall-e-3} (and OpenAI-compatible servers that mimic it) uses the dall-e-3 request shape;
     * any other name ({@code gpt-image-2.6-sunburst}, {@code gpt-image-2}, ...) the GPT Image shape. The default is
     * set in application.properties (with its source).
     */
    @WithDefault("gpt-image-2.6-sunburst")
    String model();

    /** dall-e-3 only: {@code vivid} or {@code natural}. */
    @WithDefault("vivid")
    String style();

    /** dall-e-3 only: {@code b64_json} (default) or {@code url} (then downloaded at once: URLs expire in 60 min). */
    @WithDefault("b64_json")
    String responseFormat();

    /** A 429 asking to wait at most this long is waited out here; a longer one goes to the router. */
    @WithDefault("PT10S")
    Duration maxRetryWait();

    /**
     * Overrides of the catalogue's prices per image in USD, keyed {@code <model>.<quality>.<size>} with quality
     * {@code standard}/{@code hd} for dall-e-3 and {@code low}/{@code medium}/{@code high} for GPT Image models, and
     * {@code default} for a model that has no price at all. Prices live in the model catalogue
     * (docs/providers.md); these keys stay for operators who set them before it.
     */
    Map<String, BigDecimal> prices();

    /** Overrides the catalogue's USD per million input text tokens for every OpenAI model (a negotiated rate). */
    Optional<BigDecimal> inputTokenPricePerMillion();

    /** Overrides the catalogue's USD per million output image tokens for every OpenAI model. */
    Optional<BigDecimal> outputTokenPricePerMillion();
}
