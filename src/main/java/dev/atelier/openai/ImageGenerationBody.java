package dev.atelier.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON body of OpenAI's {@code POST /v1/images/generations} (developers.openai.com, API reference "Create
 * image"), read strictly: a field of the wrong JSON type is refused, never coerced. Fields Atelier does not use
 * ({@code user}, {@code background}, {@code moderation}, {@code output_format}, ...) are accepted and ignored, as
 * OpenAI-compatible gateways do.
 */
public record ImageGenerationBody(String prompt, String model, Integer n, String size, String quality,
        @JsonProperty("response_format") String responseFormat, String style) {
}
