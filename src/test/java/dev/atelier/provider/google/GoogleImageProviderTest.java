package dev.atelier.provider.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.atelier.provider.GenerationResult;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.Outcomes;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.support.ProvidersProfile;
import dev.atelier.support.TestImages;
import dev.atelier.support.VendorWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

@QuarkusTest
@TestProfile(ProvidersProfile.class)
class GoogleImageProviderTest {

    static final String MODELS = "/v1/projects/atelier-test/locations/us-central1/publishers/google/models/";
    static final String PREDICT = MODELS + "imagen-4.0-generate-001:predict";
    static final String GENERATE = MODELS + "gemini-3.1-flash-image:generateContent";

    @Inject
    GoogleImageProvider google;

    @Inject
    CircuitBreakerMaintenance breakers;

    WireMockServer vendor;

    @BeforeEach
    void reset() {
        vendor = VendorWireMock.server(VendorWireMock.Google.class);
        vendor.resetAll();
        breakers.resetAll();
    }

    /** A request for Imagen, which the catalogue lists as shut down: only a router-bypassing caller still sends one. */
    static ImageRequest request() {
        return new ImageRequest("A red fox in fresh snow", "blurry", 1600, 900, 2, Quality.STANDARD, 42L, null, null,
                "imagen-4.0-generate-001");
    }

    static String geminiAnswer(int imageTokens, int textTokens) {
        return """
                {"candidates": [{"content": {"role": "model", "parts": [{"inlineData": {"mimeType": "image/png",
                   "data": "%s"}}]}, "finishReason": "STOP"}],
                 "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": %d, "totalTokenCount": %d,
                   "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 12}],
                   "candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": %d}]},
                 "modelVersion": "gemini-3.1-flash-image"}""".formatted(TestImages.pngBase64(64, 36),
                imageTokens + textTokens, 12 + imageTokens + textTokens, imageTokens);
    }

    @Test
    void geminiGenerateContentSendsImageConfigOnceperImageAndBillsFromUsageMetadata() {
        vendor.stubFor(post(urlEqualTo(GENERATE)).willReturn(json(200, geminiAnswer(1680, 170))));
        ImageRequest twoWide = new ImageRequest("A red fox in fresh snow", null, 1600, 900, 2, Quality.STANDARD, null,
                null, null, null);

        GenerationResult result = Outcomes.value(google.generate(twoWide, ProgressListener.NONE));

        assertThat(result.model()).isEqualTo("gemini-3.1-flash-image");
        assertThat(result.images()).hasSize(2);
        // per answer: 12 text tokens in at 0.50, 1680 image tokens out at 60, 170 text tokens out at 3.00 (per 1M)
        assertThat(result.costUsd()).isEqualByComparingTo(new BigDecimal("0.202632"));
        vendor.verify(2, postRequestedFor(urlEqualTo(GENERATE))
                .withHeader("Authorization", equalTo("Bearer ya29.test-token"))
                .withRequestBody(equalToJson("""
                        {"contents": [{"role": "user", "parts": [{"text": "A red fox in fresh snow"}]}],
                         "generationConfig": {"responseModalities": ["IMAGE"], "candidateCount": 1,
                           "imageConfig": {"aspectRatio": "16:9", "imageSize": "2K"}}}""")));
    }

    @Test
    void imagesAlreadyMadeAndPaidForAreKeptWhenAnotherCallOfTheRequestFails() {
        GenerationResult made = new GenerationResult(ProviderId.GOOGLE, "gemini-3.1-flash-image",
                List.of(new dev.atelier.provider.GeneratedImage(new byte[] { 1 }, "image/png", 1, 1, null, null)),
                new BigDecimal("0.067"), new dev.atelier.provider.TokenUsage(12, 0, 1120, 0));
        RuntimeException refused = new IllegalArgumentException("refused");

        GenerationResult kept = GoogleImageProvider.combine(ProviderId.GOOGLE, "gemini-3.1-flash-image",
                List.of(refused, made));

        assertThat(kept.images()).as("the image that was made").hasSize(1);
        assertThat(kept.costUsd()).as("and what it cost").isEqualByComparingTo("0.067");
        assertThat(kept.usage().imageOutput()).isEqualTo(1120);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoogleImageProvider.combine(ProviderId.GOOGLE,
                "gemini-3.1-flash-image", List.of(refused, new IllegalStateException("second"))))
                .as("none made: the first call's failure").isSameAs(refused);
    }

    @Test
    void whenEveryCallOfARequestFailsTheRequestFailsWithTheVendorsError() {
        vendor.stubFor(post(urlEqualTo(GENERATE)).willReturn(rpcError(400, "INVALID_ARGUMENT",
                "Request contains an invalid argument.")));
        ImageRequest two = new ImageRequest("a heron", null, 1024, 1024, 2, Quality.STANDARD, null, null, null, null);

        assertThat(Outcomes.classified(ProviderId.GOOGLE, google.generate(two, ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.BAD_REQUEST);
        vendor.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
    }

    @Test
    void geminiUsageBillsWithinACentOfGooglesPerImagePriceForEverySize() {
        // gemini-3.1-flash-image: Google's output tokens per image size (Vertex docs) and per-image prices
        Map<String, int[]> sizes = Map.of("512", new int[] { 512, 747 }, "1K", new int[] { 1024, 1120 },
                "2K", new int[] { 2048, 1680 }, "4K", new int[] { 4096, 2520 });
        Map<String, BigDecimal> table = Map.of("512", new BigDecimal("0.045"), "1K", new BigDecimal("0.067"),
                "2K", new BigDecimal("0.101"), "4K", new BigDecimal("0.151"));
        sizes.forEach((imageSize, edgeAndTokens) -> {
            vendor.resetAll();
            vendor.stubFor(post(urlEqualTo(GENERATE)).willReturn(json(200, geminiAnswer(edgeAndTokens[1], 0))));
            ImageRequest square = new ImageRequest("a lighthouse", null, edgeAndTokens[0], edgeAndTokens[0], 1,
                    Quality.STANDARD, null, null, null, null);

            GenerationResult result = Outcomes.value(google.generate(square, ProgressListener.NONE));

            assertThat(result.costUsd()).as(imageSize).isCloseTo(table.get(imageSize), within(new BigDecimal("0.01")));
            assertThat(google.quote(square).usd()).as("estimate " + imageSize).isCloseTo(table.get(imageSize),
                    within(new BigDecimal("0.01")));
            vendor.verify(1, postRequestedFor(urlEqualTo(GENERATE))
                    .withRequestBody(matchingJsonPath("$.generationConfig.imageConfig.imageSize", equalTo(imageSize))));
        });
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    static ResponseDefinitionBuilder rpcError(int code, String status, String message) {
        return json(code, """
                {"error": {"code": %d, "message": "%s", "status": "%s"}}""".formatted(code, message, status));
    }

    @Test
    void imagenPredictSendsTheDocumentedRequestAndKeepsUnfilteredImages() {
        vendor.stubFor(post(urlEqualTo(PREDICT)).willReturn(json(200, """
                {"predictions": [
                  {"mimeType": "image/png", "bytesBase64Encoded": "%s", "prompt": "A red fox in fresh snow"},
                  {"raiFilteredReason": "Filtered for safety: 58061214"}]}""".formatted(TestImages.pngBase64(64, 36)))));

        GenerationResult result = Outcomes.value(google.generate(request(), ProgressListener.NONE));

        assertThat(result.images()).singleElement().satisfies(i -> assertThat(i.width()).isEqualTo(64));
        assertThat(result.costUsd()).as("billed for the one image returned").isEqualByComparingTo("0.04");
        vendor.verify(1, postRequestedFor(urlEqualTo(PREDICT))
                .withHeader("Authorization", equalTo("Bearer ya29.test-token"))
                .withRequestBody(equalToJson("""
                        {"instances": [{"prompt": "A red fox in fresh snow"}],
                         "parameters": {"sampleCount": 2, "aspectRatio": "16:9", "negativePrompt": "blurry",
                           "enhancePrompt": false, "personGeneration": "allow_adult",
                           "safetySetting": "block_medium_and_above", "addWatermark": false, "seed": 42,
                           "sampleImageSize": "1K", "includeRaiReason": true,
                           "outputOptions": {"mimeType": "image/png"}}}""")));
    }

    @Test
    void everySampleFilteredIsAContentPolicyRefusal() {
        vendor.stubFor(post(urlEqualTo(PREDICT)).willReturn(json(200,
                "{\"predictions\": [{\"raiFilteredReason\": \"Filtered for safety\"}]}")));

        assertThat(Outcomes.classified(ProviderId.GOOGLE, google.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.CONTENT_POLICY);
        vendor.verify(1, postRequestedFor(urlEqualTo(PREDICT)));
    }

    @Test
    void unsafePromptRejectedWith400IsContentPolicy() {
        vendor.stubFor(post(urlEqualTo(PREDICT)).willReturn(rpcError(400, "INVALID_ARGUMENT",
                "Image generation failed with the following error: The prompt could not be submitted.")));

        assertThat(Outcomes.classified(ProviderId.GOOGLE, google.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.CONTENT_POLICY);
    }

    @Test
    void resourceExhaustedBacksOffAndRetries() {
        vendor.stubFor(post(urlEqualTo(PREDICT)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(rpcError(429, "RESOURCE_EXHAUSTED",
                        "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model"))
                .willSetStateTo("ok"));
        vendor.stubFor(post(urlEqualTo(PREDICT)).inScenario("429").whenScenarioStateIs("ok").willReturn(json(200,
                "{\"predictions\": [{\"mimeType\": \"image/png\", \"bytesBase64Encoded\": \"" + TestImages.pngBase64(8, 8) + "\"}]}")));

        assertThat(Outcomes.value(google.generate(request(), ProgressListener.NONE)).images()).hasSize(1);
        vendor.verify(2, postRequestedFor(urlEqualTo(PREDICT)));
    }

    @Test
    void serverErrorThenSuccess() {
        vendor.stubFor(post(urlEqualTo(PREDICT)).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(rpcError(503, "UNAVAILABLE", "The service is currently unavailable.")).willSetStateTo("ok"));
        vendor.stubFor(post(urlEqualTo(PREDICT)).inScenario("5xx").whenScenarioStateIs("ok").willReturn(json(200,
                "{\"predictions\": [{\"mimeType\": \"image/png\", \"bytesBase64Encoded\": \"" + TestImages.pngBase64(8, 8) + "\"}]}")));

        assertThat(Outcomes.value(google.generate(request(), ProgressListener.NONE)).images()).hasSize(1);
        vendor.verify(2, postRequestedFor(urlEqualTo(PREDICT)));
    }

    @Test
    void authAndRetiredModelAreClassified() {
        vendor.stubFor(post(urlEqualTo(PREDICT)).willReturn(rpcError(403, "PERMISSION_DENIED",
                "Permission 'aiplatform.endpoints.predict' denied")));
        assertThat(Outcomes.classified(ProviderId.GOOGLE, google.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.AUTH);
        vendor.verify(1, postRequestedFor(urlEqualTo(PREDICT)));

        vendor.resetAll();
        vendor.stubFor(post(urlEqualTo(PREDICT)).willReturn(rpcError(404, "NOT_FOUND",
                "Publisher Model `imagen-4.0-generate-001` not found.")));
        assertThat(Outcomes.classified(ProviderId.GOOGLE, google.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.MODEL_RETIRED);
    }

    @Test
    void malformedJsonAndGarbageBytesAreRetryableNeverImages() {
        vendor.stubFor(post(urlEqualTo(PREDICT)).willReturn(json(200, "{\"predictions\": [")));
        assertThat(Outcomes.classified(ProviderId.GOOGLE, google.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.RETRYABLE);

        vendor.resetAll();
        breakers.resetAll();
        String garbage = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        vendor.stubFor(post(urlEqualTo(PREDICT)).willReturn(json(200,
                "{\"predictions\": [{\"mimeType\": \"image/png\", \"bytesBase64Encoded\": \"" + garbage + "\"}]}")));
        assertThat(Outcomes.classified(ProviderId.GOOGLE, google.generate(request(), ProgressListener.NONE)).getMessage())
                .contains("not a PNG, JPEG or WebP");
    }

    @Test
    void aSlowAnswerTimesOut() {
        vendor.stubFor(post(urlEqualTo(PREDICT)).willReturn(json(200, "{\"predictions\": []}").withFixedDelay(3_000)));

        assertThat(Outcomes.failure(google.generate(request(), ProgressListener.NONE)))
                .isInstanceOf(org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class);
    }

    @Test
    void geminiShapeAndSafetyFinish() {
        assertThat(VertexPayloads.isGemini("gemini-2.5-flash-image")).isTrue();
        Map<String, Object> body = VertexPayloads.gemini(request(), List.of("1:1", "16:9", "21:9"), "1K");
        assertThat(body).containsKeys("contents", "generationConfig");
        assertThat(body.get("generationConfig").toString()).contains("responseModalities=[IMAGE]").contains("aspectRatio=16:9")
                .contains("imageSize=1K");

        var node = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(VertexPayloads.geminiImages(read(node, """
                {"candidates": [{"content": {"parts": [{"inlineData": {"mimeType": "image/png", "data": "%s"}}]},
                  "finishReason": "STOP"}], "usageMetadata": {"promptTokenCount": 9}}""".formatted(TestImages.pngBase64(4, 4)))))
                .hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VertexPayloads.geminiImages(read(node,
                "{\"candidates\": [{\"content\": {\"parts\": []}, \"finishReason\": \"IMAGE_SAFETY\"}]}")))
                .isInstanceOfSatisfying(dev.atelier.provider.ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderErrorKind.CONTENT_POLICY));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VertexPayloads.geminiImages(read(node,
                "{\"promptFeedback\": {\"blockReason\": \"SAFETY\"}}")))
                .isInstanceOfSatisfying(dev.atelier.provider.ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderErrorKind.CONTENT_POLICY));
    }

    @Test
    void probeReadsTheModelNotAGeneration() {
        vendor.stubFor(get(urlEqualTo(MODELS + "gemini-3.1-flash-image")).willReturn(json(200,
                "{\"name\": \"publishers/google/models/gemini-3.1-flash-image\", \"launchStage\": \"GA\"}")));
        assertThat(Outcomes.value(google.probe()).status()).isEqualTo("UP");
        vendor.verify(0, postRequestedFor(urlEqualTo(PREDICT)));
    }

    private static com.fasterxml.jackson.databind.JsonNode read(com.fasterxml.jackson.databind.ObjectMapper m, String s) {
        try {
            return m.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
