package dev.atelier.common.validation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The constraints declared on the input records answer every edge the same way: BAD_USER_INPUT (OpenAI's
 * invalid_request_error on /v1) with a message that names the field and the rule, and nothing stored.
 */
@QuarkusTest
class InputConstraintsTest {

    static final String GENERATE = "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }";
    static final String SELECT = "query($i: GenerateImageInput!) { selectProvider(input: $i) { chain } }";
    static final String ENHANCE = "mutation($i: EnhancePromptInput!) { enhancePrompt(input: $i) { id } }";

    @Inject
    Pool pool;

    long rows() {
        return pool.query("select (select count(*) from generation_jobs) + (select count(*) from prompts) as n")
                .execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong("n");
    }

    private static void refused(String query, Map<String, Object> input, String message) {
        var answer = GraphQL.post(query, Map.of("i", input)).extract().jsonPath();
        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.getString("errors[0].message")).isEqualTo(message);
    }

    @Test
    void generationInputsNameTheFieldOnEveryOperationThatTakesThem() {
        long before = rows();
        for (String query : new String[] { GENERATE, SELECT }) {
            refused(query, Map.of("prompt", "a cat", "size", "12x12"),
                    "size must have each side between 64 and 4096 pixels");
            refused(query, Map.of("prompt", "a cat", "size", "big"), "size must look like 1024x1024");
            refused(query, Map.of("prompt", "a cat", "count", 11), "count must be between 1 and 10");
            refused(query, Map.of("prompt", "a cat", "seed", -1), "seed must not be negative");
            refused(query, Map.of("prompt", " \t "), "prompt is empty: describe the image you want");
            refused(query, Map.of("prompt", "x".repeat(4001)), "prompt is 4001 characters long; the limit is 4000");
            refused(query, Map.of("prompt", "a cat", "idempotencyKey", "k".repeat(201)),
                    "idempotencyKey is longer than 200 characters");
            refused(query, Map.of("prompt", "a cat", "style", Map.of("mood", "m".repeat(201))),
                    "style.mood is 201 characters long; the limit is 200");
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void enhancementInputsNameTheFieldAndTheConfiguredLimit() {
        long before = rows();
        refused(ENHANCE, Map.of("input", "   "), "input is empty: describe the image you want");
        refused(ENHANCE, Map.of("input", "x".repeat(2001)), "input is 2001 characters long; the limit is 2000");
        refused(ENHANCE, Map.of("input", "a cat", "style", Map.of("camera", "c".repeat(201))),
                "style.camera is 201 characters long; the limit is 200");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void theOpenAiBodyIsCheckedByTheSameConstraints() {
        long before = rows();
        for (var bad : Map.of(
                Map.of("prompt", "a cat", "n", 0), "n must be between 1 and 10",
                Map.of("prompt", "a cat", "size", "10x10"), "size must have each side between 64 and 4096 pixels",
                Map.of("prompt", "a cat", "quality", "ultra"), "quality must be one of standard, hd, low, medium, high, auto",
                Map.of("prompt", "a cat", "response_format", "gif"), "response_format must be url or b64_json",
                Map.of("prompt", "a\u0000cat"), "prompt contains text that cannot be stored (a NUL character or an unpaired surrogate)")
                .entrySet()) {
            var answer = given().contentType(ContentType.JSON).body(bad.getKey()).post("/v1/images/generations")
                    .then().extract();
            assertThat(answer.statusCode()).as(bad.getKey().toString()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("error.type")).isEqualTo("invalid_request_error");
            assertThat(answer.jsonPath().getString("error.message")).isEqualTo(bad.getValue());
        }
        assertThat(rows()).isEqualTo(before);
    }
}
