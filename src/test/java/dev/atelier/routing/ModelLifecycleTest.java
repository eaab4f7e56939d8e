package dev.atelier.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.Outcomes;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.provider.catalogue.ModelCatalogue;
import dev.atelier.provider.openai.OpenAiImageProvider;
import dev.atelier.support.GraphQL;
import dev.atelier.support.ProviderState;
import dev.atelier.support.ProvidersProfile;
import dev.atelier.support.TestImages;
import dev.atelier.support.VendorWireMock;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Model retirements never break a job: a model past its shutdown (the catalogue's, or the date the vendor's model
 * list announces) is never called and its replacement serves; a coming shutdown is a warning; a vendor's
 * model_not_found reroutes and teaches every replica. OpenAI's fake answers in its documented shapes.
 */
@QuarkusTest
@TestProfile(ProvidersProfile.class)
class ModelLifecycleTest {

    static final String IMAGES = "/v1/images/generations";
    static final String SUNBURST = "gpt-image-2.6-sunburst";
    static final String FLARE = "gpt-image-2.6-flare";

    @Inject
    ProviderState state;

    @Inject
    ProviderRouter router;

    @Inject
    HealthMonitor monitor;

    @Inject
    OpenAiImageProvider openai;

    @Inject
    ModelRetirements retirements;

    @Inject
    ModelCatalogue catalogue;

    @Inject
    RoutingConfig config;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Inject
    ProviderHealth health;



    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readyUrl;

    WireMockServer vendor;

    @BeforeEach
    void fresh() {
        vendor = VendorWireMock.server(VendorWireMock.OpenAi.class);
        state.reset();
    }

    @AfterEach
    void forget() {
        Outcomes.value(retirements.forgetAll());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** OpenAI's model list, with {@code shutdown_date} for sunburst (null: none announced). */
    void modelList(LocalDate sunburstShutdown) {
        vendor.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"object": "list", "data": [
                          {"id": "%s", "object": "model", "created": 1762214400, "owned_by": "system", "shutdown_date": %s},
                          {"id": "%s", "object": "model", "created": 1762214400, "owned_by": "system", "shutdown_date": null},
                          {"id": "gpt-image-2", "object": "model", "created": 1776729600, "owned_by": "system"}]}"""
                        .formatted(SUNBURST, sunburstShutdown == null ? "null" : "\"" + sunburstShutdown + "\"", FLARE))));
        Outcomes.value(monitor.probe(openai));
    }

    void serves(String model) {
        vendor.stubFor(post(urlEqualTo(IMAGES)).withRequestBody(matchingJsonPath("$.model", equalTo(model)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"created": 1764590400, "data": [{"b64_json": "%s"}],
                         "usage": {"input_tokens": 14, "input_tokens_details": {"image_tokens": 0, "text_tokens": 14},
                                   "output_tokens": 1756, "total_tokens": 1770}}""".formatted(TestImages.pngBase64(32, 32)))));
    }

    long callsFor(String model) {
        return vendor.findAll(postRequestedFor(urlEqualTo(IMAGES)).withRequestBody(matchingJsonPath("$.model",
                equalTo(model)))).size();
    }

    static RoutingRequest openAiWith(String model) {
        return new RoutingRequest(new ImageRequest("a cat", null, 1024, 1024, 1, Quality.STANDARD, null, null, null,
                model), ProviderId.OPENAI, false, null, null, null);
    }

    RoutedGeneration run(RoutingRequest request) {
        return Outcomes.value(router.generate(request, router.decide(request), id -> new ProviderPrompt(id, "a cat", null),
                ProgressListener.NONE));
    }

    @Test
    void theConfiguredModelPastItsAnnouncedShutdownIsNeverCalledAndItsReplacementServes() {
        modelList(today().minusDays(1));
        serves(FLARE);

        RoutedGeneration routed = run(openAiWith(null));

        assertThat(routed.result().model()).isEqualTo(FLARE);
        assertThat(callsFor(SUNBURST)).as("the retired model is never called").isZero();
        assertThat(callsFor(FLARE)).isEqualTo(1);
        assertThat(routed.attempts()).singleElement().satisfies(a -> {
            assertThat(a.model()).isEqualTo(FLARE);
            assertThat(a.warning()).contains(SUNBURST + " retired on " + today().minusDays(1)).contains(FLARE + " serves");
        });
    }

    @Test
    void aModelTheCatalogueListsAsShutDownGoesToItsReplacement() {
        serves(SUNBURST);

        RoutedGeneration routed = run(openAiWith("gpt-image-1.5"));

        assertThat(routed.result().model()).isEqualTo(SUNBURST);
        assertThat(callsFor("gpt-image-1.5")).isZero();
        assertThat(routed.attempts().get(0).warning()).contains("gpt-image-1.5 retired on 2026-12-01");
    }

    @Test
    void aRetiredModelWithoutAReplacementLeavesTheProviderOutWithTheReason() {
        vendor.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"object\": \"list\", \"data\": [{\"id\": \"gpt-image-2\", \"object\": \"model\", "
                        + "\"created\": 1776729600, \"owned_by\": \"system\", \"shutdown_date\": \"" + today() + "\"}]}")));
        Outcomes.value(monitor.probe(openai));

        RoutingDecision decision = router.decide(openAiWith("gpt-image-2"));

        assertThat(decision.chain()).isEmpty();
        assertThat(decision.excluded().get(ProviderId.OPENAI)).isEqualTo("model gpt-image-2 retired on " + today());
        assertThat(vendor.findAll(postRequestedFor(urlEqualTo(IMAGES)))).isEmpty();
    }

    @Test
    void aModelTenDaysFromShutdownIsAWarningOnProvidersInReadinessAndInTheMetric() {
        LocalDate shutdown = today().plusDays(10);
        modelList(shutdown);

        JsonPath providers = GraphQL.post("{ providers { id model modelStatus modelShutdownDate warnings } }")
                .body("errors", nullValue()).extract().jsonPath();
        Map<String, Object> status = providers.getMap("data.providers.find { it.id == 'OPENAI' }");
        assertThat(status.get("modelStatus")).isEqualTo("DEPRECATED");
        assertThat(status.get("modelShutdownDate")).isEqualTo(shutdown.toString());
        assertThat((List<?>) status.get("warnings")).singleElement().asString()
                .contains(SUNBURST + " shuts down on " + shutdown + " (in 10 days)").contains(FLARE);
        assertThat(given().get(metricsUrl).then().statusCode(200).extract().asString())
                .contains("atelier_model_days_to_shutdown{model=\"" + SUNBURST + "\",provider=\"OPENAI\"} 10.0");
        assertThat(given().get(readyUrl).then().extract().jsonPath()
                .getString("checks.find { it.name == 'Image providers' }.data.'OPENAI.warnings'")).contains("in 10 days");
    }

    @Test
    void modelNotFoundReroutesToTheReplacementAndEveryReplicaLearnsTheModelIsRetired() {
        vendor.stubFor(post(urlEqualTo(IMAGES)).withRequestBody(matchingJsonPath("$.model", equalTo(SUNBURST)))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"message": "The model `gpt-image-2.6-sunburst` does not exist or you do not have access to it.",
                         "type": "invalid_request_error", "param": null, "code": "model_not_found"}}""")));
        serves(FLARE);

        RoutedGeneration routed = run(openAiWith(null));

        assertThat(routed.result().model()).isEqualTo(FLARE);
        assertThat(routed.attempts()).extracting(ProviderAttempt::model, ProviderAttempt::outcome, ProviderAttempt::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SUNBURST, "FAILED", "MODEL_RETIRED"),
                        org.assertj.core.groups.Tuple.tuple(FLARE, "SUCCEEDED", null));
        assertThat(health.snapshot(ProviderId.OPENAI).status()).as("only the model is gone, not OpenAI").isNotEqualTo("DOWN");

        // a second replica: its own retirements and lifecycle on the same Redis
        ModelRetirements otherReplica = new ModelRetirements(redis, keys, config);
        Outcomes.value(otherReplica.refresh());
        assertThat(otherReplica.retired(ProviderId.OPENAI, SUNBURST)).isPresent();
        assertThat(new ModelLifecycle(catalogue, otherReplica, config).choose(ProviderId.OPENAI, SUNBURST).model())
                .isEqualTo(FLARE);

        vendor.resetRequests();
        run(openAiWith(null));
        assertThat(callsFor(SUNBURST)).as("not asked again").isZero();
    }

    @Test
    void aRetirementMarkExpiresAndADamagedOneIsIgnored() {
        String key = keys.key("models", "retired");
        long past = java.time.Instant.now().minusSeconds(60).toEpochMilli();
        long future = java.time.Instant.now().plusSeconds(3600).toEpochMilli();
        redis.hash(String.class, String.class, String.class).hset(key, Map.of(
                "OPENAI/gpt-image-2", today() + "|" + past + "|model_not_found a day ago",
                "OPENAI/" + FLARE, "not a mark at all",
                "OPENAI/" + SUNBURST, today() + "|" + future + "|model_not_found")).await().atMost(Duration.ofSeconds(5));

        Outcomes.value(retirements.refresh());

        assertThat(retirements.retired(ProviderId.OPENAI, "gpt-image-2")).as("expired: tried again").isEmpty();
        assertThat(retirements.retired(ProviderId.OPENAI, FLARE)).isEmpty();
        assertThat(retirements.retired(ProviderId.OPENAI, SUNBURST)).isPresent();
    }

    @Test
    void theOpenAiCompatibleEndpointPassesTheModelThroughAndReroutesARetiredOne() {
        modelList(today().plusDays(20));
        serves("gpt-image-2");
        serves(SUNBURST);

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> asked = given()
                .contentType("application/json").body(Map.of("model", "gpt-image-2", "prompt", "a heron", "size", "1024x1024"))
                .post("/v1/images/generations").then().extract();
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.header("x-atelier-model")).isEqualTo("gpt-image-2");
        assertThat(callsFor("gpt-image-2")).as("sent to OpenAI as asked").isEqualTo(1);

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> retired = given()
                .contentType("application/json").body(Map.of("model", "gpt-image-1.5", "prompt", "a heron", "size", "1024x1024"))
                .post("/v1/images/generations").then().extract();
        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(retired.header("x-atelier-model")).isEqualTo(SUNBURST);
        assertThat(retired.header("x-atelier-warning")).contains("gpt-image-1.5 retired on 2026-12-01");
        assertThat(callsFor("gpt-image-1.5")).isZero();

        JsonPath list = given().get("/v1/models").then().statusCode(200).extract().jsonPath();
        List<String> ids = list.getList("data.id", String.class);
        assertThat(ids).contains("auto", "openai", SUNBURST, FLARE, "gpt-image-2").doesNotContain("gpt-image-1.5", "dall-e-3");
        assertThat(list.getString("data.find { it.id == '" + SUNBURST + "' }.shutdown_date"))
                .isEqualTo(today().plusDays(20).toString());
        assertThat(list.getString("data.find { it.id == 'gpt-image-2' }.shutdown_date")).isNull();
    }

    @Test
    void aJobForARetiredModelSaysWhichModelServedIt() {
        serves(SUNBURST);
        Map<String, Object> input = new HashMap<>(Map.of("prompt", "a lighthouse", "provider", "OPENAI", "enhance", false,
                "model", "gpt-image-1.5"));

        String id = GraphQL.post("mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }", Map.of("i", input))
                .body("errors", nullValue()).extract().jsonPath().getString("data.generateImage.id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(GraphQL.post(
                "query($id: ID!) { job(id: $id) { status } }", Map.of("id", id)).extract().jsonPath().getString("data.job.status")));

        JsonPath job = GraphQL.post("query($id: ID!) { job(id: $id) { model warnings attempts { model warning } } }",
                Map.of("id", id)).body("errors", nullValue()).extract().jsonPath().setRootPath("data.job");
        assertThat(job.getString("model")).isEqualTo(SUNBURST);
        assertThat(job.getList("warnings", String.class)).singleElement().asString()
                .contains("gpt-image-1.5 retired on 2026-12-01").contains(SUNBURST);
        assertThat(callsFor("gpt-image-1.5")).isZero();

        input.put("model", "gpt-image-7-imaginary");
        String refusal = GraphQL.post("mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }",
                Map.of("i", input)).extract().jsonPath().getString("errors[0].message");
        assertThat(refusal).contains("not one Atelier knows").contains(SUNBURST).contains("gpt-image-2");
    }
}
