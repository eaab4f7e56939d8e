package dev.atelier.provider.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenAI's {@code GET /v1/models} list; {@code shutdown_date} where OpenAI has announced one. */
record OpenAiModels(String object, List<Model> data) {

    record Model(String id, @JsonProperty("owned_by") String ownedBy,
            @JsonProperty("shutdown_date") String shutdownDate) {
    }
}
