package dev.atelier.provider.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.atelier.provider.TokenUsage;

/**
 * OpenAI's answer to {@code POST /v1/images/generations} (developers.openai.com, "Create image", checked
 * 2026-12-01): the images, each as {@code b64_json} (GPT Image) or a {@code url} (DALL·E), and for GPT Image the
 * token {@code usage} the bill is computed from.
 */
record OpenAiImages(Long created, List<Item> data, Usage usage) {

    record Item(@JsonProperty("b64_json") String b64Json, String url,
            @JsonProperty("revised_prompt") String revisedPrompt) {
    }

    /** Token usage; the details split input into text and image tokens and, in newer answers, output too. */
    record Usage(@JsonProperty("input_tokens") Long inputTokens, @JsonProperty("output_tokens") Long outputTokens,
            @JsonProperty("total_tokens") Long totalTokens,
            @JsonProperty("input_tokens_details") Details inputDetails,
            @JsonProperty("output_tokens_details") Details outputDetails) {

        /** As billed: input text and image tokens, output image and text tokens. */
        TokenUsage tokens() {
            long input = inputTokens == null ? 0 : inputTokens;
            long output = outputTokens == null ? 0 : outputTokens;
            long imageIn = inputDetails == null || inputDetails.imageTokens() == null ? 0 : inputDetails.imageTokens();
            long textIn = inputDetails == null || inputDetails.textTokens() == null ? input - imageIn
                    : inputDetails.textTokens();
            long textOut = outputDetails == null || outputDetails.textTokens() == null ? 0 : outputDetails.textTokens();
            long imageOut = outputDetails == null || outputDetails.imageTokens() == null ? output - textOut
                    : outputDetails.imageTokens();
            return new TokenUsage(textIn, imageIn, imageOut, textOut);
        }
    }

    record Details(@JsonProperty("text_tokens") Long textTokens, @JsonProperty("image_tokens") Long imageTokens) {
    }
}
