package dev.atelier.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.atelier.routing.PauseBoard;
import dev.atelier.routing.ProviderHealth;
import dev.atelier.support.Enhance;
import dev.atelier.support.ForeignRows;
import dev.atelier.support.GraphQL;
import dev.atelier.support.ProviderState;
import dev.atelier.support.ProvidersProfile;
import dev.atelier.support.TestImages;
import dev.atelier.support.VendorWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every provider of a failover chain is sent its own words: OpenAI fails with 500 (and Google after it), Stability
 * serves; what each fake received is compared with the variant meant for it, and the job's attempts say the same.
 */
@QuarkusTest
@TestProfile(ProvidersProfile.class)
class ProviderPromptsTest {

    static final String OPENAI = "/v1/images/generations";
    static final String GOOGLE = "/v1/projects/atelier-test/locations/us-central1/publishers/google/models/gemini-3.1-flash-image:generateContent";
    static final String STABILITY = "/v2beta/stable-image/generate/sd3";

    static final String GENERATE = """
            mutation($i: GenerateImageInput!) { generateImage(input: $i) { id status promptId } }""";
    static final String JOB = """
            query($id: ID!) { job(id: $id) { status provider promptId error { code message }
              attempts { provider outcome prompt negativePrompt } } }""";
    static final String PROMPT = """
            query($id: ID!) { prompt(id: $id) { variants { provider prompt negativePrompt } } }""";




    @Inject
    ProviderState state;

    @Inject
    Pool pool;

    WireMockServer openai;
    WireMockServer google;
    WireMockServer stability;

    @BeforeEach
    void failingOpenAiAndGoogleServingStability() {
        openai = VendorWireMock.server(VendorWireMock.OpenAi.class);
        google = VendorWireMock.server(VendorWireMock.Google.class);
        stability = VendorWireMock.server(VendorWireMock.Stability.class);
        state.reset();
        openai.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"message": "The server had an error while processing your request.",
                         "type": "server_error", "param": null, "code": null}}""")));
        google.stubFor(post(urlEqualTo(GOOGLE)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"code": 500, "message": "Internal error encountered.", "status": "INTERNAL"}}""")));
        stability.stubFor(post(urlEqualTo(STABILITY)).willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withHeader("finish-reason", "SUCCESS").withHeader("seed", "1234").withBody(TestImages.png(48, 48))));
    }

    /** OpenAI first (asked for), the others as fallbacks by quality: Google, then Stability. */
    static Map<String, Object> input(String idea) {
        Map<String, Object> input = new HashMap<>();
        input.put("prompt", idea);
        input.put("provider", "OPENAI");
        input.put("allowFallback", true);
        input.put("priority", "QUALITY");
        return input;
    }

    static String submit(Map<String, Object> input) {
        return GraphQL.post(GENERATE, Map.of("i", input)).body("errors", nullValue()).extract().jsonPath()
                .getString("data.generateImage.id");
    }

    static JsonPath finished(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("SUCCEEDED", "FAILED")
                .contains(GraphQL.post(JOB, Map.of("id", id)).extract().jsonPath().getString("data.job.status")));
        return GraphQL.post(JOB, Map.of("id", id)).body("errors", nullValue()).extract().jsonPath()
                .setRootPath("data.job");
    }

    static Map<String, String> variants(String promptId) {
        JsonPath prompt = GraphQL.post(PROMPT, Map.of("id", promptId)).body("errors", nullValue()).extract().jsonPath();
        Map<String, String> byProvider = new HashMap<>();
        List<Map<String, String>> variants = prompt.getList("data.prompt.variants");
        variants.forEach(v -> byProvider.put(v.get("provider"), v.get("prompt")));
        return byProvider;
    }

    /** The prompt in every body a fake received (the adapters retry a 500, so a provider may get it twice). */
    List<String> openAiPrompts() {
        return openai.findAll(postRequestedFor(urlEqualTo(OPENAI))).stream()
                .map(r -> new JsonObject(r.getBodyAsString()).getString("prompt")).distinct().toList();
    }

    List<String> googlePrompts() {
        return google.findAll(postRequestedFor(urlEqualTo(GOOGLE))).stream()
                .map(r -> new JsonObject(r.getBodyAsString()).getJsonArray("contents").getJsonObject(0)
                        .getJsonArray("parts").getJsonObject(0).getString("text")).distinct().toList();
    }

    List<LoggedRequest> stabilityRequests() {
        return stability.findAll(postRequestedFor(urlEqualTo(STABILITY)));
    }

    static String part(LoggedRequest request, String name) {
        return request.getPart(name) == null ? null : request.getPart(name).getBody().asString();
    }

    /** The job's attempts by provider: what each was sent, as the owner reads it. */
    static Map<String, Map<String, String>> attempts(JsonPath job) {
        Map<String, Map<String, String>> byProvider = new HashMap<>();
        List<Map<String, String>> attempts = job.getList("attempts");
        attempts.forEach(a -> byProvider.put(a.get("provider"), a));
        return byProvider;
    }

    void assertEachProviderGotItsOwn(JsonPath job, Map<String, String> expected) {
        assertThat(job.getString("status")).as(job.prettyPrint()).isEqualTo("SUCCEEDED");
        assertThat(job.getString("provider")).isEqualTo("STABILITY");
        assertThat(openAiPrompts()).containsExactly(expected.get("OPENAI"));
        assertThat(googlePrompts()).containsExactly(expected.get("GOOGLE"));
        assertThat(stabilityRequests()).singleElement()
                .satisfies(r -> assertThat(part(r, "prompt")).isEqualTo(expected.get("STABILITY")));
        Map<String, Map<String, String>> attempts = attempts(job);
        assertThat(attempts.keySet()).containsExactlyInAnyOrder("OPENAI", "GOOGLE", "STABILITY");
        attempts.forEach((provider, attempt) -> assertThat(attempt.get("prompt")).as(provider)
                .isEqualTo(expected.get(provider)));
        assertThat(attempts.get("STABILITY").get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(attempts.get("OPENAI").get("negativePrompt")).as("OpenAI takes no negative prompt").isNull();
    }

    @Test
    void withEnhanceEveryProviderOfTheChainGetsItsOwnVariant() {
        String id = submit(input(Enhance.unique("a red fox in the snow")));

        JsonPath job = finished(id);

        Map<String, String> variants = variants(job.getString("promptId"));
        assertThat(variants.get("OPENAI")).as("prose for OpenAI, tags for Stability").isNotEqualTo(variants.get("STABILITY"));
        assertEachProviderGotItsOwn(job, variants);
        assertThat(part(stabilityRequests().get(0), "negative_prompt"))
                .as("the enhancement's negative prompt reaches the provider that takes one")
                .isEqualTo(attempts(job).get("STABILITY").get("negativePrompt")).isNotBlank();
    }

    @Test
    void aReviewedEnhancementIsUsedAsItIsWithoutEnhancingAgain() {
        JsonPath enhanced = Enhance.call(Map.of("input", Enhance.unique("a lighthouse in a storm")));
        String promptId = enhanced.getString("id");
        Map<String, Object> input = input("a lighthouse in a storm");
        input.put("promptId", promptId);

        JsonPath job = finished(submit(input));

        assertThat(job.getString("promptId")).isEqualTo(promptId);
        assertEachProviderGotItsOwn(job, variants(promptId));
    }

    @Test
    void anEditedVariantReachesItsProviderAndTheOthersKeepTheReviewedOnes() {
        String promptId = Enhance.call(Map.of("input", Enhance.unique("a lighthouse in a storm"))).getString("id");
        String edited = "(a lonely lighthouse:1.3), storm waves, dramatic sky";
        Map<String, Object> input = input("a lighthouse in a storm");
        input.put("promptId", promptId);
        input.put("variants", List.of(Map.of("provider", "STABILITY", "prompt", edited,
                "negativePrompt", "watermark, text")));

        JsonPath job = finished(submit(input));

        Map<String, String> expected = new HashMap<>(variants(promptId));
        expected.put("STABILITY", edited);
        assertEachProviderGotItsOwn(job, expected);
        assertThat(part(stabilityRequests().get(0), "negative_prompt")).isEqualTo("watermark, text");
        assertThat(attempts(job).get("STABILITY").get("negativePrompt")).isEqualTo("watermark, text");
        assertThat(variants(promptId).get("STABILITY")).as("the stored enhancement is not changed").isNotEqualTo(edited);
    }

    @Test
    void withoutEnhancementOrVariantsEveryProviderGetsThePromptAsWritten() {
        Map<String, Object> input = input("a watercolor of a quiet harbour at dawn");
        input.put("enhance", false);

        JsonPath job = finished(submit(input));

        assertEachProviderGotItsOwn(job, Map.of("OPENAI", "a watercolor of a quiet harbour at dawn",
                "GOOGLE", "a watercolor of a quiet harbour at dawn", "STABILITY", "a watercolor of a quiet harbour at dawn"));
    }

    long jobCount() {
        return pool.query("select count(*) as n from generation_jobs").execute().await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong("n");
    }

    String refusal(Map<String, Object> input, String code) {
        long before = jobCount();
        JsonPath answer = GraphQL.post(GENERATE, Map.of("i", input)).extract().jsonPath();
        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettyPrint()).isEqualTo(code);
        assertThat(jobCount()).as("nothing admitted").isEqualTo(before);
        assertThat(openai.getAllServeEvents()).isEmpty();
        return answer.getString("errors[0].message");
    }

    @Test
    void anotherUsersEnhancementIsNotFoundAndNothingIsAdmitted() {
        UUID stranger = ForeignRows.user(pool);
        UUID theirs = UUID.randomUUID();
        pool.preparedQuery("""
                insert into prompts (id, user_id, input, category, enhanced, engine)
                values ($1, $2, 'their secret idea', 'ART', 'their secret prompt', 'TEMPLATE')""")
                .execute(Tuple.of(theirs, stranger)).await().atMost(Duration.ofSeconds(5));
        Map<String, Object> input = input("a fox");
        input.put("promptId", theirs.toString());

        String message = refusal(input, "NOT_FOUND");

        assertThat(message).doesNotContain("secret");
        for (String query : List.of("query($i: GenerateImageInput!) { estimateCost(input: $i) { usd } }",
                "query($i: GenerateImageInput!) { selectProvider(input: $i) { chain } }")) {
            GraphQL.post(query, Map.of("i", input)).body("errors[0].extensions.code", org.hamcrest.Matchers.is("NOT_FOUND"));
        }
        Map<String, Object> batch = input("a hare");
        GraphQL.post("mutation($is: [GenerateImageInput!]!) { generateImages(inputs: $is) { id } }",
                Map.of("is", List.of(batch, input))).body("errors[0].extensions.code", org.hamcrest.Matchers.is("NOT_FOUND"));
    }

    @Test
    void aVariantOverItsProvidersLimitIsRefusedNamingTheProvider() {
        Map<String, Object> input = input("a fox");
        input.put("variants", List.of(Map.of("provider", "OPENAI", "prompt", "a fox, oil painting"),
                Map.of("provider", "GOOGLE", "prompt", "a fox ".repeat(400))));

        String message = refusal(input, "BAD_USER_INPUT");

        assertThat(message).contains("variants[1]").contains("GOOGLE").contains("1900");
    }

    @Test
    void badVariantsAndPromptIdsAreCodedRefusals() {
        Map<String, Object> twice = input("a fox");
        twice.put("variants", List.of(Map.of("provider", "STABILITY", "prompt", "a fox"),
                Map.of("provider", "STABILITY", "prompt", "a red fox")));
        assertThat(refusal(twice, "BAD_USER_INPUT")).contains("STABILITY");

        Map<String, Object> blank = input("a fox");
        blank.put("variants", List.of(Map.of("provider", "STABILITY", "prompt", " \u0007 ")));
        assertThat(refusal(blank, "BAD_USER_INPUT")).contains("variants[0].prompt");

        Map<String, Object> spaces = input("a fox");
        spaces.put("variants", List.of(Map.of("provider", "STABILITY", "prompt", "\u00a0\u3000\u2003")));
        assertThat(refusal(spaces, "BAD_USER_INPUT")).as("Unicode spaces are blank too").contains("variants[0].prompt");

        for (String id : List.of("not-an-id", "1-1-1-1-1", "\uff18f6614da-1c2d-4e5f-8a9b-0c1d2e3f4a5b")) {
            Map<String, Object> malformed = input("a fox");
            malformed.put("promptId", id);
            assertThat(refusal(malformed, "BAD_USER_INPUT")).as("the input is not echoed").doesNotContain(id);
        }
        for (String query : List.of("query($i: GenerateImageInput!) { estimateCost(input: $i) { usd } }",
                "query($i: GenerateImageInput!) { selectProvider(input: $i) { chain } }")) {
            GraphQL.post(query, Map.of("i", twice)).body("errors[0].extensions.code",
                    org.hamcrest.Matchers.is("BAD_USER_INPUT"));
        }
    }

    @Test
    void aReviewedEnhancementWithoutVariantsIsCompletedByAFreshOneWhenEnhanceIsOn() {
        UUID legacy = UUID.randomUUID();
        pool.preparedQuery("""
                insert into prompts (id, user_id, input, category, enhanced, engine)
                values ($1, $2, 'a lighthouse', 'LANDSCAPE', 'an old enhancement', 'TEMPLATE')""")
                .execute(Tuple.of(legacy, ForeignRows.localUser(pool))).await().atMost(Duration.ofSeconds(5));
        Map<String, Object> input = input(Enhance.unique("a lighthouse in a storm"));
        input.put("promptId", legacy.toString());

        JsonPath job = finished(submit(input));

        assertThat(job.getString("promptId")).isEqualTo(legacy.toString());
        Map<String, Map<String, String>> attempts = attempts(job);
        assertThat(attempts.get("STABILITY").get("prompt")).as("a fresh STABILITY variant, not the raw prompt")
                .isNotEqualTo(input.get("prompt")).contains("(");
    }
}
