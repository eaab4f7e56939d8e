package dev.atelier.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.routing.Budget;
import dev.atelier.routing.RoutingRequest;
import io.vertx.core.json.JsonObject;

/** The stored job request: today's rows round-trip, and rows written before the record still run. */
class JobRequestTest {

    final JsonColumns columns = new JsonColumns(new ObjectMapper());

    @Test
    void aRowWrittenBeforeTheRecordReadsAsVersionOneWithEveryField() {
        UUID collection = UUID.randomUUID();
        // the map GenerationService built until this record replaced it
        JsonObject legacy = new JsonObject("""
                {"prompt": "a red fox", "enhance": true, "category": "ANIMAL", "style": {"mood": "serene"},
                 "provider": "STABILITY", "allowFallback": true, "quality": "HD", "width": 768, "height": 512,
                 "count": 2, "budget": "LOW", "seed": 7, "negativePrompt": "blurry",
                 "collectionId": "%s"}""".formatted(collection));

        JobRequest request = columns.read(legacy, JobRequest.class);

        assertThat(request.version()).isEqualTo(1);
        assertThat(request.enhance()).isTrue();
        assertThat(request.style().mood()).isEqualTo("serene");
        assertThat(request.collectionId()).isEqualTo(collection);
        assertThat(request.variants()).isEmpty();
        RoutingRequest routing = request.routing();
        assertThat(routing.provider()).isEqualTo(ProviderId.STABILITY);
        assertThat(routing.allowFallback()).isTrue();
        assertThat(routing.budget()).isEqualTo(Budget.LOW);
        assertThat(routing.image()).isEqualTo(new ImageRequest("a red fox", "blurry", 768, 512, 2, Quality.HD, 7L, null,
                "ANIMAL", null));
    }

    @Test
    void anInlineRequestFromTheOpenAiEndpointReadsAsSynchronous() {
        JsonObject legacy = new JsonObject("""
                {"prompt": "a cat", "enhance": false, "width": 1024, "height": 1024, "count": 1, "quality": "STANDARD",
                 "allowFallback": false, "model": "gpt-image-1", "api": "openai-images", "provider": "OPENAI",
                 "sync": true}""");

        JobRequest request = columns.read(legacy, JobRequest.class);

        assertThat(request.sync()).isTrue();
        assertThat(request.model()).isEqualTo("gpt-image-1");
        assertThat(request.api()).isEqualTo(JobRequest.OPENAI_IMAGES);
    }

    @Test
    void todaysRequestRoundTripsWithItsVersionPromptIdAndVariants() {
        JobRequest written = new JobRequest(JobRequest.VERSION, JobRequest.GRAPHQL, "a fox", false, Category.ANIMAL,
                null, UUID.randomUUID(), List.of(new ProviderPrompt(ProviderId.STABILITY, "(a fox:1.2)", "blurry")),
                ProviderId.OPENAI, true, null, Quality.STANDARD, 1024, 1024, 1, null, null, null, null, null, null,
                false, null);

        JsonObject stored = columns.write(written);

        assertThat(stored.getInteger("v")).isEqualTo(JobRequest.VERSION);
        assertThat(stored.containsKey("seed")).as("absent values are left out").isFalse();
        assertThat(columns.read(stored, JobRequest.class)).isEqualTo(written);
    }
}
