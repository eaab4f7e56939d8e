package dev.atelier.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.atelier.common.error.ErrorCode;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.Outcomes;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.provider.openai.OpenAiImageProvider;
import dev.atelier.support.ProviderState;
import dev.atelier.support.ProvidersProfile;
import dev.atelier.support.TestImages;
import dev.atelier.support.VendorWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** The router against four fake vendors and the real Redis. */
@QuarkusTest
@TestProfile(ProvidersProfile.class)
class ProviderRouterTest {

    static final String OPENAI = "/v1/images/generations";
    static final String GOOGLE = "/v1/projects/atelier-test/locations/us-central1/publishers/google/models/gemini-3.1-flash-image:generateContent";
    static final String STABILITY = "/v2beta/stable-image/generate/sd3";

    @Inject
    ProviderState state;

    @Inject
    ProviderRouter router;

    @Inject
    ProviderHealth health;

    @Inject
    PauseBoard pauses;

    /** Another replica's limiter would read the same Redis keys: the bean stands in for it. */
    @Inject
    ClusterRateLimiter otherReplica;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    OpenAiImageProvider openai;

    WireMockServer openaiFake;
    WireMockServer googleFake;
    WireMockServer stabilityFake;

    @BeforeEach
    void reset() {
        openaiFake = VendorWireMock.server(VendorWireMock.OpenAi.class);
        googleFake = VendorWireMock.server(VendorWireMock.Google.class);
        stabilityFake = VendorWireMock.server(VendorWireMock.Stability.class);
        state.reset();
    }

    static RoutingRequest quality() {
        return new RoutingRequest(new ImageRequest("a cat", null, 1024, 1024, 1, Quality.STANDARD, null, null, null, null),
                null, false, null, Priority.QUALITY, null);
    }

    void openaiAnswers(int status) {
        openaiFake.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\", "
                        + "\"param\": null, \"code\": null}}")));
    }

    void googleSucceeds() {
        googleFake.stubFor(post(urlEqualTo(GOOGLE)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"candidates\": [{\"content\": {\"parts\": [{\"inlineData\": {\"mimeType\": \"image/png\", \"data\": \""
                        + TestImages.pngBase64(32, 32) + "\"}}]}, \"finishReason\": \"STOP\"}]}")));
    }

    RoutedGeneration run(RoutingRequest request) {
        return Outcomes.value(router.generate(request, router.decide(request), id -> new ProviderPrompt(id, "a cat for " + id, null), ProgressListener.NONE));
    }

    RoutingFailure fail(RoutingRequest request) {
        Throwable failure = Outcomes.failure(router.generate(request, router.decide(request), id -> new ProviderPrompt(id, "a cat", null), ProgressListener.NONE));
        assertThat(failure).isInstanceOf(RoutingFailure.class);
        return (RoutingFailure) failure;
    }

    @Test
    void qualityFirstChainAndExplainedDecision() {
        RoutingDecision decision = router.decide(quality());

        assertThat(decision.chain()).containsExactly(ProviderId.OPENAI, ProviderId.GOOGLE, ProviderId.STABILITY);
        assertThat(decision.reasons()).anyMatch(r -> r.contains("quality"));
        assertThat(decision.excluded()).containsKey(ProviderId.LOCAL);
    }

    @Test
    void primaryServerErrorFailsOverToTheSecondaryAndBothAttemptsAreRecorded() {
        openaiAnswers(500);
        googleSucceeds();

        RoutedGeneration routed = run(quality());

        assertThat(routed.result().provider()).isEqualTo(ProviderId.GOOGLE);
        assertThat(routed.attempts()).extracting(ProviderAttempt::provider, ProviderAttempt::outcome, ProviderAttempt::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProviderId.OPENAI, "FAILED", "RETRYABLE"),
                        org.assertj.core.groups.Tuple.tuple(ProviderId.GOOGLE, "SUCCEEDED", null));
        googleFake.verify(1, postRequestedFor(urlEqualTo(GOOGLE)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("a cat for GOOGLE")));
    }

    @Test
    void aHangingPrimaryFailsOverAfterItsTimeLimit() {
        openaiFake.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withFixedDelay(4_000)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        googleSucceeds();

        RoutedGeneration routed = run(quality());

        assertThat(routed.result().provider()).isEqualTo(ProviderId.GOOGLE);
        assertThat(routed.attempts().get(0).errorCode()).isEqualTo("RETRYABLE");
        assertThat(routed.attempts().get(0).latencyMs()).as("cut at the 1.5 s limit, not the 4 s answer").isLessThan(3_000);
    }

    @Test
    void allThreeDownIsProviderUnavailableWithThreeAttempts() {
        openaiAnswers(500);
        googleFake.stubFor(post(urlEqualTo(GOOGLE)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": 503, \"message\": \"unavailable\", \"status\": \"UNAVAILABLE\"}}")));
        stabilityFake.stubFor(post(urlEqualTo(STABILITY)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"x\", \"name\": \"internal_error\", \"errors\": [\"boom\"]}")));

        RoutingFailure failure = fail(quality());

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(failure.attempts()).extracting(ProviderAttempt::provider)
                .containsExactly(ProviderId.OPENAI, ProviderId.GOOGLE, ProviderId.STABILITY);
        assertThat(failure.attempts()).allMatch(a -> a.outcome().equals("FAILED"));
    }

    @Test
    void anOpenCircuitSkipsItsProviderWithoutAnHttpCall() {
        openaiAnswers(500);
        Outcomes.failure(openai.generate(ImageRequest.of("x", 1024, 1024), ProgressListener.NONE));
        Outcomes.failure(openai.generate(ImageRequest.of("x", 1024, 1024), ProgressListener.NONE));
        assertThat(breakers.currentState("openai")).isEqualTo(io.smallrye.faulttolerance.api.CircuitBreakerState.OPEN);
        int calls = openaiFake.countRequestsMatching(postRequestedFor(urlEqualTo(OPENAI)).build()).getCount();
        googleSucceeds();

        RoutingDecision decision = router.decide(quality());
        RoutedGeneration routed = run(quality());

        assertThat(decision.excluded().get(ProviderId.OPENAI)).contains("circuit open");
        assertThat(routed.result().provider()).isEqualTo(ProviderId.GOOGLE);
        assertThat(openaiFake.countRequestsMatching(postRequestedFor(urlEqualTo(OPENAI)).build()).getCount()).isEqualTo(calls);
    }

    @Test
    void budgetLowPicksTheCheapestEligibleAndQualityTheHighestScored() {
        RoutingRequest low = new RoutingRequest(ImageRequest.of("a cat", 1024, 1024), null, false, Budget.LOW, null, null);
        assertThat(router.decide(low).chain().get(0)).as("the self-hosted Stable Diffusion costs nothing")
                .isEqualTo(ProviderId.SDWEBUI);
        // the catalogue's prices for 1024x1024: gpt-image-2.6-sunburst medium 0.053 (tokens), sd3.5-large 0.065
        // (6.5 credits), gemini-3.1-flash-image 1K 0.067
        assertThat(router.decide(low).chain()).containsExactly(ProviderId.SDWEBUI, ProviderId.OPENAI, ProviderId.STABILITY);
        assertThat(router.decide(quality()).chain().get(0)).isEqualTo(ProviderId.OPENAI);
    }

    @Test
    void aContentPolicyRefusalStopsTheChain() {
        openaiFake.stubFor(post(urlEqualTo(OPENAI)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"rejected by the safety system\", "
                        + "\"type\": \"image_generation_user_error\", \"param\": null, \"code\": \"moderation_blocked\"}}")));
        googleSucceeds();

        RoutingFailure failure = fail(quality());

        assertThat(failure.code()).isEqualTo(ErrorCode.CONTENT_POLICY);
        assertThat(failure.attempts()).hasSize(1);
        googleFake.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aVendor429PausesTheProviderForTheWholeCluster() {
        stabilityFake.stubFor(post(urlPathMatching("/v2beta/.*")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "30")
                .withBody("{\"id\": \"x\", \"name\": \"rate_limit_exceeded\", \"errors\": [\"slow down\"]}")));
        RoutingRequest onlyStability = new RoutingRequest(ImageRequest.of("a cat", 1024, 1024), ProviderId.STABILITY,
                false, null, null, null);

        RoutingFailure failure = fail(onlyStability);
        assertThat(failure.attempts()).singleElement().satisfies(a -> assertThat(a.errorCode()).isEqualTo("RATE_LIMITED"));

        // another replica's limiter sees the pause in Redis
        ClusterRateLimiter.Permit permit = Outcomes.value(otherReplica.tryAcquire(ProviderId.STABILITY));
        assertThat(permit.allowed()).isFalse();
        assertThat(permit.waitMs()).isBetween(25_000L, 30_000L);
        assertThat(router.decide(quality()).excluded().get(ProviderId.STABILITY)).contains("rate limited");
        stabilityFake.verify(1, postRequestedFor(urlPathMatching("/v2beta/.*")));
    }

    @Test
    void whenEveryEligibleProviderIsLimitedTheRequestWaitsInsteadOfFailing() {
        Outcomes.value(pauses.pause(ProviderId.OPENAI, Duration.ofSeconds(20)));
        RoutingRequest onlyOpenAi = new RoutingRequest(ImageRequest.of("a cat", 1024, 1024), ProviderId.OPENAI,
                false, null, null, null);
        // decided before the pause was known (as on another replica), executed after
        RoutingDecision stale = new RoutingDecision(List.of(ProviderId.OPENAI), List.of(), java.util.Map.of(), java.util.Map.of());

        Throwable failure = Outcomes.failure(router.generate(onlyOpenAi, stale, id -> new ProviderPrompt(id, "a cat", null), ProgressListener.NONE));

        assertThat(failure).isInstanceOfSatisfying(RoutingFailure.class, f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(f.retryAfterMs()).isBetween(1L, 20_000L);
        });
        openaiFake.verify(0, postRequestedFor(urlEqualTo(OPENAI)));
    }
}
