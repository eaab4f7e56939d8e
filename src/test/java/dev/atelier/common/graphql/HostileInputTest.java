package dev.atelier.common.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Inputs a hostile or careless client sends: each is answered BAD_USER_INPUT with a message a person can read, no
 * internal detail, and nothing stored - never INTERNAL, never a silently changed value.
 */
@QuarkusTest
class HostileInputTest {

    static final String GENERATE = "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }";

    @Inject
    Pool pool;

    long rows() {
        return pool.query("select (select count(*) from generation_jobs) + (select count(*) from prompts) "
                + "+ (select count(*) from collections) as n").execute().await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong("n");
    }

    private static JsonPath rawPost(String body) {
        return GraphQL.postRaw(body).extract().jsonPath();
    }

    private static void assertBadInput(JsonPath answer, String contains) {
        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.getString("errors[0].message")).contains(contains).doesNotContain("Exception")
                .doesNotContain("reference");
    }

    @Test
    void textPostgresCannotStoreIsRefusedBeforeItGetsThere() {
        long before = rows();
        // a NUL in a variable (JSON escape), in a literal (GraphQL escape), an unpaired surrogate
        assertBadInput(GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "a cat", "size", "64x64",
                "idempotencyKey", "a\u0000b"))).extract().jsonPath(), "NUL");
        assertBadInput(rawPost("{\"query\": \"mutation { createCollection(name: \\\"x\\\\u0000y\\\") { id } }\"}"), "NUL");
        assertBadInput(rawPost("{\"query\": \"mutation($n: String!) { createCollection(name: $n) { id } }\", "
                + "\"variables\": {\"n\": \"broken \\ud800 text\"}}"), "unpaired surrogate");
        assertBadInput(rawPost("{\"query\": \"mutation { enhancePrompt(input: {input: \\\"a cat\\\", style: "
                + "{mood: \\\"calm\\\\u0000\\\"}}) { id } }\"}"), "NUL");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anIntOutside32BitsIsRefusedNotWrapped() {
        long before = rows();
        assertBadInput(rawPost("{\"query\": \"mutation { generateImage(input: {prompt: \\\"a cat\\\", size: "
                + "\\\"64x64\\\", seed: 4294967297}) { id } }\"}"), "outside the Int range");
        assertBadInput(GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "a cat", "size", "64x64",
                "seed", 4294967297L))).extract().jsonPath(), "outside the Int range");
        assertBadInput(GraphQL.post("mutation($i: [GenerateImageInput!]!) { generateImages(inputs: $i) { id } }",
                Map.of("i", List.of(Map.of("prompt", "a", "size", "64x64"), Map.of("prompt", "b", "size", "64x64",
                        "count", -4294967296L)))).extract().jsonPath(), "outside the Int range");
        assertBadInput(GraphQL.post("{ jobs(first: 2147483648) { edges { cursor } } }").extract().jsonPath(),
                "outside the Int range");
        assertBadInput(GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "a cat", "size", "64x64", "seed", 1.5)))
                .extract().jsonPath(), "");
        assertThat(rows()).isEqualTo(before);
        // the edges of the range still work
        GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "a cat", "size", "64x64", "enhance", false,
                "seed", Integer.MAX_VALUE))).body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aBudgetBeyondWhatTheLedgerHoldsIsRefused() {
        String me = GraphQL.post("{ me { id } }").extract().path("data.me.id");
        for (String value : List.of("1e308", "-1", "1000000")) {
            assertBadInput(GraphQL.post("mutation { setBudget(userId: \"" + me + "\", dailyUsd: " + value
                    + ") { dailyLimitUsd } }").extract().jsonPath(), "between 0 and 999999.999999");
        }
        GraphQL.post("mutation { setBudget(userId: \"" + me + "\", dailyUsd: 999999.999999) { dailyLimitUsd } }")
                .body("errors", org.hamcrest.Matchers.nullValue());
        GraphQL.post("mutation { setBudget(userId: \"" + me + "\", dailyUsd: 10) { dailyLimitUsd } }")
                .body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void introspectionThatRepeatsItselfIsBadInput() {
        assertBadInput(GraphQL.post("{ __schema { types { fields { type { fields { type { fields { type { fields "
                + "{ name } } } } } } } } } }").extract().jsonPath(), "");
    }

    @Test
    void moreThanTenMutationRootFieldsInOneRequestAreRefusedWholesale() {
        long before = rows();
        StringBuilder eleven = new StringBuilder("mutation {");
        for (int i = 0; i < 11; i++) {
            eleven.append(" c").append(i).append(": createCollection(name: \"flood ").append(i).append("\") { id }");
        }
        assertBadInput(GraphQL.post(eleven.append(" }").toString()).extract().jsonPath(), "11 root fields; at most 10");
        assertThat(rows()).isEqualTo(before);
        StringBuilder ten = new StringBuilder("mutation {");
        for (int i = 0; i < 10; i++) {
            ten.append(" c").append(i).append(": createCollection(name: \"ten ").append(i).append("\") { id }");
        }
        GraphQL.post(ten.append(" }").toString()).body("errors", org.hamcrest.Matchers.nullValue());
        assertThat(rows()).isEqualTo(before + 10);
    }

    @Test
    void theOpenAiEndpointRefusesTheSameWithItsOwnErrorShape() {
        long before = rows();
        for (String body : List.of("{\"prompt\": \"a cat\", \"n\": 4294967297}", "{\"prompt\": \"a \\u0000 cat\"}",
                "{\"prompt\": \"a cat \\udc00\"}")) {
            given().contentType("application/json").body(body).post("/v1/images/generations").then().statusCode(400)
                    .body("error.type", org.hamcrest.Matchers.is("invalid_request_error"));
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aVariableOfTheWrongKindIsARequestErrorInWords() {
        for (String accept : List.of("application/json", "application/graphql-response+json")) {
            var answer = given().contentType("application/json").accept(accept)
                    .body("{\"query\": \"query($f: Int) { jobs(first: $f) { edges { cursor } } }\", "
                            + "\"variables\": {\"f\": \"abc\"}}").post("/graphql").then()
                    .statusCode(accept.equals("application/json") ? 200 : 400).extract().jsonPath();
            assertBadInput(answer, "$f: expected a value of type Int");
            assertThat(answer.getList("errors")).hasSize(1);
            assertThat(answer.getMap("")).doesNotContainKey("data");
        }
        var answer = GraphQL.post("query($i: GenerateImageInput!) { estimateCost(input: $i) { usd } }",
                Map.of("i", Map.of("prompt", 5))).extract().jsonPath();
        assertBadInput(answer, "$i.prompt: expected a value of type String");
        assertThat(answer.getString("errors[0].message")).doesNotContain("BigDecimal");
    }

    @Test
    void anOversizedBodyIsACodedError() {
        given().contentType("application/json").body("{\"query\": \"" + " ".repeat(200_000) + "{ me { id } }\"}")
                .post("/graphql").then().statusCode(413)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.is("BAD_USER_INPUT"));
    }

    @Test
    void theGraphQLResponseMediaTypeIsReadAsABody() {
        given().contentType("application/graphql-response+json").accept("application/graphql-response+json")
                .body("{\"query\": \"{ me { id } }\"}").post("/graphql").then().statusCode(200)
                .body("data.me.id", org.hamcrest.Matchers.notNullValue());
    }
}
