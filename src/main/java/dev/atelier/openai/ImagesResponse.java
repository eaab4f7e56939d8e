package dev.atelier.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenAI's answer to an image generation: when it was made and one item per image. */
public record ImagesResponse(long created, List<Item> data) {

    /** One image: its bytes ({@code b64_json}) or where to fetch them ({@code url}), and the prompt the model used. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@JsonProperty("b64_json") String b64Json, String url,
            @JsonProperty("revised_prompt") String revisedPrompt) {
    }
}
