package dev.atelier.openai;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.atelier.common.validation.OneOf;
import dev.atelier.common.validation.Storable;
import dev.atelier.prompt.CleanText;
import dev.atelier.routing.GenerationRequests;
import dev.atelier.routing.ImageSize;

/**
 * The JSON body of OpenAI's {@code POST /v1/images/generations} (developers.openai.com, API reference "Create
 * image"), read strictly: a field of the wrong JSON type is refused, never coerced. Fields Atelier does not use
 * ({@code user}, {@code background}, {@code moderation}, {@code output_format}, ...) are accepted and ignored, as
 * OpenAI-compatible gateways do. {@code stream} answers in OpenAI's event shapes ({@link ImageStreamEvents});
 * {@code partial_images} is accepted (0-3) and, since no vendor streams through Atelier yet, yields no partial events.
 */
public record ImageGenerationBody(
        @Storable @CleanText(max = GenerationRequests.MAX_PROMPT, required = true) String prompt,
        @Storable String model,
        @Min(value = 1, message = N) @Max(value = GenerationRequests.MAX_COUNT, message = N) Integer n,
        @ImageSize(allowAuto = true) String size,
        @OneOf(value = { "standard", "auto", "low", "medium", "hd", "high" },
                message = "must be one of standard, hd, low, medium, high, auto") String quality,
        @OneOf(value = { "url", "b64_json" }, message = "must be url or b64_json")
        @JsonProperty("response_format") String responseFormat,
        @Storable String style,
        Boolean stream,
        @Min(value = 0, message = PARTIAL) @Max(value = 3, message = PARTIAL)
        @JsonProperty("partial_images") Integer partialImages) {

    static final String PARTIAL = "must be between 0 and 3";


    static final String N = "must be between 1 and " + GenerationRequests.MAX_COUNT;
}
