package dev.atelier.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Routing with no vendor configured (the offline default): LOCAL carries everything, vendors are never chosen. */
@QuarkusTest
class RoutingGraphQLTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;

    @Test
    void autoRoutingOfflineChoosesLocalAndExplainsWhyVendorsAreLeftOut() {
        JsonPath decision = GraphQL.post("query($i: GenerateImageInput!) { selectProvider(input: $i) { chain reasons } }",
                Map.of("i", Map.of("prompt", "a cat")))
                .body("errors", nullValue())
                .extract().jsonPath();

        assertThat(decision.getList("data.selectProvider.chain")).containsExactly("LOCAL");
        assertThat(decision.getList("data.selectProvider.reasons", String.class))
                .contains("OPENAI left out: not configured", "STABILITY left out: not configured");
    }

    @Test
    void aNotConfiguredProviderIsNeverChosenEvenWhenAskedFor() {
        GraphQL.post("query($i: GenerateImageInput!) { selectProvider(input: $i) { chain reasons } }",
                Map.of("i", Map.of("prompt", "a cat", "provider", "OPENAI")))
                .body("errors", nullValue())
                .body("data.selectProvider.chain", is(List.of()))
                .body("data.selectProvider.reasons", hasItem("OPENAI left out: not configured"));
    }

    @Test
    void estimateCostQuotesEveryProviderAndSaysWhichAreIneligible() {
        JsonPath estimate = GraphQL.post("""
                query($i: GenerateImageInput!) {
                  estimateCost(input: $i) { provider model usd alternatives { provider usd eligible ineligibleReason } }
                }""", Map.of("i", Map.of("prompt", "a cat", "size", "1536x1024", "quality", "HD")))
                .body("errors", nullValue())
                .extract().jsonPath().setRootPath("data.estimateCost");

        assertThat(estimate.getString("provider")).isEqualTo("LOCAL");
        assertThat(estimate.getDouble("usd")).isZero();
        assertThat(estimate.getList("alternatives.provider")).containsExactlyInAnyOrder(
                "OPENAI", "GOOGLE", "STABILITY", "SDWEBUI", "LOCAL");
        // the default model, gpt-image-2.6-sunburst, at high quality and 1536x1024: 5488 image tokens at 30 USD per 1M
        // and 100 prompt tokens at 5 (the catalogue's formula)
        assertThat(estimate.getFloat("alternatives.find { it.provider == 'OPENAI' }.usd")).isEqualTo(0.16514f);
        assertThat(estimate.getString("alternatives.find { it.provider == 'OPENAI' }.ineligibleReason")).isEqualTo("not configured");
    }

    @Test
    void badSizesAndCountsAreBadUserInput() {
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("prompt", "a cat", "size", "huge"),
                Map.<String, Object>of("prompt", "a cat", "size", "10000x10"),
                Map.<String, Object>of("prompt", "a cat", "count", 0),
                Map.<String, Object>of("prompt", " "))) {
            GraphQL.post("query($i: GenerateImageInput!) { selectProvider(input: $i) { chain } }", Map.of("i", bad))
                    .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        }
    }

    @Test
    void providersListsEveryProviderWithConfigurationAndHealth() {
        JsonPath providers = GraphQL.post("{ providers { id model configured enabled health circuit pricePerImageUsd } }")
                .body("errors", nullValue())
                .extract().jsonPath();

        assertThat(providers.getList("data.providers.id")).containsExactlyInAnyOrder(
                "OPENAI", "GOOGLE", "STABILITY", "SDWEBUI", "LOCAL");
        assertThat(providers.getBoolean("data.providers.find { it.id == 'OPENAI' }.configured")).isFalse();
        assertThat(providers.getBoolean("data.providers.find { it.id == 'OPENAI' }.enabled")).isFalse();
        assertThat(providers.getBoolean("data.providers.find { it.id == 'LOCAL' }.configured")).isTrue();
        assertThat(providers.getString("data.providers.find { it.id == 'LOCAL' }.circuit")).isEqualTo("CLOSED");
    }

    @Test
    void providerStateIsInReadinessDataWithoutMakingTheServiceUnready() {
        given().get(ready).then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'Image providers' }.data.OPENAI", is("NOT_CONFIGURED"))
                .body("checks.find { it.name == 'Image providers' }.status", is("UP"));
    }
}
