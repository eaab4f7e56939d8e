package dev.atelier.openai;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atelier.provider.GeneratedImage;
import dev.atelier.provider.GenerationResult;
import dev.atelier.provider.Quality;
import dev.atelier.provider.TokenUsage;

/**
 * A streamed answer ({@code stream: true}) in OpenAI's server-sent event shapes (API reference "Image generation
 * streaming events", and the openai SDKs' {@code ImageGenCompletedEvent}, read 2026-12-01): one
 * {@code image_generation.completed} event per image ({@code image_edit.completed} for an edit), the vendor's
 * token usage on the last. The adapters do not
 * stream from their vendors yet, so no {@code image_generation.partial_image} events are sent - OpenAI allows fewer
 * partial images than asked for.
 */
final class ImageStreamEvents {

    static final String TYPE = "text/event-stream";
    static final String COMPLETED = "image_generation.completed";
    /** What {@code /v1/images/edits} streams instead. */
    static final String EDIT_COMPLETED = "image_edit.completed";

    record Completed(String type, @JsonProperty("b64_json") String b64Json, @JsonProperty("created_at") long createdAt,
            String size, String quality, String background, @JsonProperty("output_format") String outputFormat,
            Usage usage) {
    }

    record Usage(@JsonProperty("input_tokens") long inputTokens,
            @JsonProperty("input_tokens_details") Details inputTokensDetails,
            @JsonProperty("output_tokens") long outputTokens, @JsonProperty("total_tokens") long totalTokens) {

        static final Usage NONE = of(null);

        static Usage of(TokenUsage tokens) {
            if (tokens == null) {
                return new Usage(0, new Details(0, 0), 0, 0);
            }
            long in = tokens.textInput() + tokens.imageInput();
            long out = tokens.imageOutput() + tokens.textOutput();
            return new Usage(in, new Details(tokens.imageInput(), tokens.textInput()), out, in + out);
        }
    }

    record Details(@JsonProperty("image_tokens") long imageTokens, @JsonProperty("text_tokens") long textTokens) {
    }

    private ImageStreamEvents() {
    }

    /** The whole event stream for a finished generation ({@code type} {@link #COMPLETED}) or edit. */
    static String of(String type, GenerationResult result, Quality quality, long createdAt, ObjectMapper json) {
        List<GeneratedImage> images = result.images();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            GeneratedImage image = images.get(i);
            Completed event = new Completed(type, Base64.getEncoder().encodeToString(image.bytes()), createdAt,
                    image.width() + "x" + image.height(), quality == Quality.HD ? "high" : "medium", "auto",
                    image.mimeType().substring(image.mimeType().indexOf('/') + 1).toLowerCase(Locale.ROOT),
                    i == images.size() - 1 ? Usage.of(result.usage()) : Usage.NONE);
            try {
                events.add("event: " + type + "\ndata: " + json.writeValueAsString(event) + "\n\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join("", events);
    }
}
