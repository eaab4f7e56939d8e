package dev.atelier.support;

import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** Calls enhancePrompt and returns its result. */
public final class Enhance {

    public static final String MUTATION = """
            mutation($input: EnhancePromptInput!) {
              enhancePrompt(input: $input) {
                id input category categoryConfidence enhanced negativePrompt engine cached latencyMs
                variants { provider prompt negativePrompt }
              }
            }""";

    private Enhance() {
    }

    /** The enhancePrompt result; fails the test on any GraphQL error. */
    public static JsonPath call(Map<String, Object> input) {
        return GraphQL.post(MUTATION, Map.of("input", input))
                .statusCode(200)
                .body("errors", nullValue())
                .extract().jsonPath().setRootPath("data.enhancePrompt");
    }

    /** The idea with a random word appended, so a test never meets another test's cache entry. */
    public static String unique(String idea) {
        return (idea + " " + UUID.randomUUID().toString().substring(0, 8)).trim();
    }
}
