package dev.atelier.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.atelier.provider.GenerationResult;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.Outcomes;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ImageDownloader;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.support.ProvidersProfile;
import dev.atelier.support.TestImages;
import dev.atelier.support.VendorWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

@QuarkusTest
@TestProfile(ProvidersProfile.class)
class OpenAiImageProviderTest {

    static final String PATH = "/v1/images/generations";

    @Inject
    OpenAiImageProvider openai;

    @Inject
    CircuitBreakerMaintenance breakers;

    WireMockServer vendor;

    @BeforeEach
    void reset() {
        vendor = VendorWireMock.server(VendorWireMock.OpenAi.class);
        vendor.resetAll();
        breakers.resetAll();
    }

    static ImageRequest request() {
        return new ImageRequest("A cat on a windowsill", null, 1536, 1024, 1, Quality.HD, null, null, null, null);
    }

    static String success(String b64) {
        return """
                {"created": 1764150000, "data": [{"b64_json": "%s"}],
                 "usage": {"input_tokens": 50, "output_tokens": 6240, "total_tokens": 6290,
                           "input_tokens_details": {"text_tokens": 50, "image_tokens": 0}}}""".formatted(b64);
    }

    static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"message": "%s", "type": "%s", "param": null, "code": %s}}"""
                        .formatted(message, type, code == null ? "null" : "\"" + code + "\""));
    }

    @Test
    void generatesWithTheGptImageShapeAndBillsFromUsage() {
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(success(TestImages.pngBase64(96, 64)))));

        GenerationResult result = Outcomes.value(openai.generate(request(), ProgressListener.NONE));

        assertThat(result.images()).singleElement().satisfies(image -> {
            assertThat(image.mimeType()).isEqualTo("image/png");
            assertThat(image.width()).isEqualTo(96);
            assertThat(image.height()).isEqualTo(64);
        });
        // 50 × $5/M + 6240 × $30/M (gpt-image-2.6-sunburst's token prices in the catalogue)
        assertThat(result.costUsd()).isEqualByComparingTo(new BigDecimal("0.187450"));
        vendor.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer sk-test-images-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-image-2.6-sunburst", "prompt": "A cat on a windowsill", "n": 1, "size": "1536x1024",
                         "quality": "high", "output_format": "png"}""")));
    }

    @Test
    void contentPolicyRefusalIsNotRetried() {
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(error(400, "image_generation_user_error", "moderation_blocked",
                "Your request was rejected by the safety system.")));

        ProviderException failure = Outcomes.classified(ProviderId.OPENAI, openai.generate(request(), ProgressListener.NONE));

        assertThat(failure.kind()).isEqualTo(ProviderErrorKind.CONTENT_POLICY);
        assertThat(failure.getMessage()).contains("rejected by the safety system");
        vendor.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void rateLimitIsWaitedOutForAsLongAsRetryAfterSays() {
        vendor.stubFor(post(urlEqualTo(PATH)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(error(429, "requests", "rate_limit_exceeded", "Rate limit reached")
                        .withHeader("retry-after-ms", "400").withHeader("retry-after", "1"))
                .willSetStateTo("ok"));
        vendor.stubFor(post(urlEqualTo(PATH)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(success(TestImages.pngBase64(32, 32)))));

        long started = System.nanoTime();
        GenerationResult result = Outcomes.value(openai.generate(request(), ProgressListener.NONE));
        long waitedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.images()).hasSize(1);
        assertThat(waitedMs).as("retry-after-ms (400) wins over retry-after (1 s)").isBetween(400L, 999L);
        vendor.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aServerErrorIsRetriedThenSucceeds() {
        vendor.stubFor(post(urlEqualTo(PATH)).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(error(500, "server_error", null, "The server had an error")).willSetStateTo("ok"));
        vendor.stubFor(post(urlEqualTo(PATH)).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(success(TestImages.pngBase64(32, 32)))));

        assertThat(Outcomes.value(openai.generate(request(), ProgressListener.NONE)).images()).hasSize(1);
        vendor.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void authFailureIsClassifiedAndNotRetried() {
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(error(401, "invalid_request_error", "invalid_api_key",
                "Incorrect API key provided: sk-test-i*************key.")));

        ProviderException failure = Outcomes.classified(ProviderId.OPENAI, openai.generate(request(), ProgressListener.NONE));

        assertThat(failure.kind()).isEqualTo(ProviderErrorKind.AUTH);
        assertThat(failure.getMessage()).doesNotContain("sk-test-images-key");
        vendor.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void retiredModelIsItsOwnError() {
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(error(404, "invalid_request_error", "model_not_found",
                "The model `gpt-image-1` does not exist or you do not have access to it.")));

        assertThat(Outcomes.classified(ProviderId.OPENAI, openai.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.MODEL_RETIRED);
    }

    @Test
    void malformedJsonIsRetryableAndNeverAnImage() {
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"created\": 1764150000, \"data\": [{\"b64_json\": ")));

        ProviderException failure = Outcomes.classified(ProviderId.OPENAI, openai.generate(request(), ProgressListener.NONE));

        assertThat(failure.kind()).isEqualTo(ProviderErrorKind.RETRYABLE);
        assertThat(failure.getMessage()).contains("not its JSON answer");
        vendor.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void truncatedOrNonImageBytesAreRejected() {
        String truncated = java.util.Base64.getEncoder().encodeToString(TestImages.truncatedPng());
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(success(truncated))));
        assertThat(Outcomes.classified(ProviderId.OPENAI, openai.generate(request(), ProgressListener.NONE)).getMessage())
                .contains("corrupt or truncated");

        vendor.resetAll();
        breakers.resetAll();
        String text = java.util.Base64.getEncoder().encodeToString("<html>not an image at all</html>".getBytes());
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(success(text))));
        assertThat(Outcomes.classified(ProviderId.OPENAI, openai.generate(request(), ProgressListener.NONE)).getMessage())
                .contains("not a PNG, JPEG or WebP");
    }

    @Test
    void aResponseSlowerThanTheTimeLimitFailsAsRetryable() {
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody(success(TestImages.pngBase64(8, 8)))));

        Throwable failure = Outcomes.failure(openai.generate(request(), ProgressListener.NONE));

        assertThat(failure).isInstanceOf(org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class);
        assertThat(dev.atelier.provider.VendorFailures.classify(ProviderId.OPENAI, failure).kind())
                .isEqualTo(ProviderErrorKind.RETRYABLE);
    }

    @Test
    void dallE3UrlResultsAreDownloadedAtOnce() {
        vendor.stubFor(get(urlEqualTo("/files/img-1.png")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(TestImages.png(40, 30))));
        String body = """
                {"created": 1764150000, "data": [{"url": "%s/files/img-1.png",
                  "revised_prompt": "A tabby cat resting on a sunny windowsill"}]}""".formatted(vendor.baseUrl());
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(body)));
        OpenAiRequestShape dallE3 = OpenAiRequestShape.of("dall-e-3",
                new dev.atelier.provider.catalogue.ModelLimits(null, null, null, null, null, null, null, null, null, null,
                        null, null, null));

        assertThat(dallE3.size(1536, 1024)).isEqualTo("1792x1024");
        assertThat(dallE3.quality(Quality.STANDARD)).isEqualTo("standard");
        assertThat(dallE3.maxCount()).isEqualTo(1);
        // the shape decides the request; reading a url result is the same code path for any model
        GenerationResult result = Outcomes.value(openai.generate(request(), ProgressListener.NONE));
        assertThat(result.images()).singleElement().satisfies(image -> {
            assertThat(image.width()).isEqualTo(40);
            assertThat(image.revisedPrompt()).isEqualTo("A tabby cat resting on a sunny windowsill");
        });
        vendor.verify(1, getRequestedFor(urlEqualTo("/files/img-1.png")));
    }

    @Test
    void anOversizedOrPolicyRefusedImageUrlIsNeitherStoredNorRetried() {
        vendor.stubFor(get(urlEqualTo("/files/huge.png")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(new byte[(int) ImageDownloader.MAX_BYTES + 1024])));
        for (String url : java.util.List.of(vendor.baseUrl() + "/files/huge.png", "https://169.254.169.254/latest/meta-data")) {
            vendor.resetRequests();
            vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"created\": 1764150000, \"data\": [{\"url\": \"" + url + "\"}]}")));
            Throwable failure = Outcomes.failure(openai.generate(request(), ProgressListener.NONE));
            assertThat(failure).as(url).isInstanceOf(dev.atelier.provider.ProviderException.Refusal.class);
            vendor.verify(1, postRequestedFor(urlEqualTo(PATH)));
            vendor.verify(url.contains("huge") ? 1 : 0, getRequestedFor(urlEqualTo("/files/huge.png")));
        }
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndHalfOpensAfterItsDelay() throws InterruptedException {
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(error(401, "invalid_request_error", "invalid_api_key", "bad key")));
        for (int i = 0; i < 4; i++) {
            Outcomes.failure(openai.generate(request(), ProgressListener.NONE));
        }
        assertThat(breakers.currentState("openai")).isEqualTo(CircuitBreakerState.OPEN);
        vendor.verify(4, postRequestedFor(urlEqualTo(PATH)));

        assertThat(Outcomes.failure(openai.generate(request(), ProgressListener.NONE)))
                .isInstanceOf(CircuitBreakerOpenException.class);
        vendor.verify(4, postRequestedFor(urlEqualTo(PATH)));

        vendor.resetAll();
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(success(TestImages.pngBase64(16, 16)))));
        Thread.sleep(1_100); // the breaker's configured delay (1 s in the test profile) must pass
        assertThat(Outcomes.value(openai.generate(request(), ProgressListener.NONE)).images()).hasSize(1);
        vendor.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(breakers.currentState("openai")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void probeUsesTheFreeModelsEndpoint() {
        vendor.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"object\": \"list\", \"data\": []}")));
        assertThat(Outcomes.value(openai.probe()).status()).isEqualTo("UP");
        vendor.verify(0, postRequestedFor(urlEqualTo(PATH)));

        vendor.stubFor(get(urlEqualTo("/v1/models")).willReturn(error(401, "invalid_request_error", "invalid_api_key", "no")));
        assertThat(Outcomes.value(openai.probe()).status()).isEqualTo("DOWN");
    }

    /**
     * OpenAI's per-image prices for the gpt-image-2 family, from its cost calculator (developers.openai.com image
     * generation guide, "Calculating costs", as reproduced on community.openai.com, read 2026-12-01), and the output
     * tokens it bills for each quality and size.
     */
    static final Map<String, BigDecimal> VENDOR_TABLE = Map.of("medium.1024x1024", new BigDecimal("0.053"),
            "high.1024x1024", new BigDecimal("0.211"), "medium.1536x1024", new BigDecimal("0.041"),
            "high.1536x1024", new BigDecimal("0.165"), "medium.1024x1536", new BigDecimal("0.041"),
            "high.1024x1536", new BigDecimal("0.165"));
    static final Map<String, Integer> OUTPUT_TOKENS = Map.of("medium.1024x1024", 1756, "high.1024x1024", 7024,
            "medium.1536x1024", 1372, "high.1536x1024", 5488, "medium.1024x1536", 1372, "high.1024x1536", 5488);

    @Test
    void tokenUsageBillsWithinACentOfTheVendorsTableForEveryQualityAndSize() {
        VENDOR_TABLE.forEach((key, table) -> {
            String[] parts = key.split("\\.");
            String[] size = parts[1].split("x");
            ImageRequest image = new ImageRequest("a cat on a windowsill", null, Integer.parseInt(size[0]),
                    Integer.parseInt(size[1]), 1, parts[0].equals("high") ? Quality.HD : Quality.STANDARD, null, null,
                    null, null);
            int out = OUTPUT_TOKENS.get(key);
            vendor.resetAll();
            vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("""
                            {"created": 1764590400, "background": "opaque", "output_format": "png", "quality": "%s",
                             "size": "%s", "data": [{"b64_json": "%s"}],
                             "usage": {"input_tokens": 14, "input_tokens_details": {"image_tokens": 0, "text_tokens": 14},
                                       "output_tokens": %d, "total_tokens": %d}}"""
                            .formatted(parts[0], parts[1], TestImages.pngBase64(32, 32), out, out + 14))));

            GenerationResult result = Outcomes.value(openai.generate(image, ProgressListener.NONE));

            assertThat(result.costUsd()).as("billed from usage, " + key).isCloseTo(table, within(new BigDecimal("0.01")));
            assertThat(openai.quote(image).usd()).as("estimated, " + key).isCloseTo(table, within(new BigDecimal("0.01")));
            vendor.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.size", equalTo(parts[1])))
                    .withRequestBody(matchingJsonPath("$.quality", equalTo(parts[0]))));
        });
    }

    @Test
    void anOperatorsPriceOverridesTheCatalogueAndAnotherModelIsPricedAsItself() {
        assertThat(openai.configured()).isTrue();
        assertThat(openai.quote(request().withModel("dall-e-3")).model()).isEqualTo("dall-e-3");
        assertThat(openai.quote(request().withModel("dall-e-3")).usd()).as("dall-e-3 hd 1792x1024")
                .isEqualByComparingTo("0.120");
        assertThat(openai.quote(request().withCount(2)).usd()).as("2 × high 1536x1024 by tokens")
                .isEqualByComparingTo("0.330280");
    }

    @Test
    void theModelListsShutdownDatesAreRead() {
        vendor.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"object": "list", "data": [
                          {"id": "gpt-image-2.6-sunburst", "object": "model", "created": 1762214400, "owned_by": "system",
                           "shutdown_date": null},
                          {"id": "gpt-image-2", "object": "model", "created": 1776729600, "owned_by": "system",
                           "shutdown_date": "2027-03-01"},
                          {"id": "whisper-1", "object": "model", "created": 1677532384, "owned_by": "openai-internal"}]}""")));

        assertThat(Outcomes.value(openai.probe()).shutdowns())
                .containsExactly(Map.entry("gpt-image-2", java.time.LocalDate.parse("2027-03-01")));
    }
}
