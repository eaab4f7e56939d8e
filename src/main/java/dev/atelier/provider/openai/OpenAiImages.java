package dev.atelier.provider.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * OpenAI's answer to {@code POST /v1/images/generations} (developers.openai.com, "Create image", checked
 * 2026-12-01): the images, each as {@code b64_json} (GPT Image) or a {@code url} (DALL·E), and for GPT Image the
 * token {@code usage} the bill is computed from.
 */
record OpenAiImages(Long created, List<Item> data, Usage usage) {

    record Item(@JsonProperty("b64_json") String b64Json, String url,
            @JsonProperty("revised_prompt") String revisedPrompt) {
    }

    record Usage(@JsonProperty("input_tokens") Long inputTokens, @JsonProperty("output_tokens") Long outputTokens,
            @JsonProperty("total_tokens") Long totalTokens) {
    }
}
