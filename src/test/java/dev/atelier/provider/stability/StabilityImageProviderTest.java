package dev.atelier.provider.stability;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
class StabilityImageProviderTest {

    static final String SD3 = "/v2beta/stable-image/generate/sd3";

    @Inject
    StabilityImageProvider stability;

    @Inject
    CircuitBreakerMaintenance breakers;

    WireMockServer vendor;

    @BeforeEach
    void reset() {
        vendor = VendorWireMock.server(VendorWireMock.Stability.class);
        vendor.resetAll();
        breakers.resetAll();
    }

    static ImageRequest request() {
        return new ImageRequest("(a lighthouse:1.2), storm", "blurry, lowres", 1024, 1024, 1, Quality.STANDARD, 1234L, null, null, null);
    }

    static ResponseDefinitionBuilder image(String finishReason) {
        return aResponse().withHeader("Content-Type", "image/png").withHeader("finish-reason", finishReason)
                .withHeader("seed", "1234").withBody(TestImages.png(48, 48));
    }

    static ResponseDefinitionBuilder error(int status, String name, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"id": "a1b2c3d4e5f60718293a4b5c6d7e8f90", "name": "%s", "errors": ["%s"]}""".formatted(name, message));
    }

    @Test
    void sendsAMultipartFormToTheSd3EndpointAndReadsRawBytes() {
        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(image("SUCCESS")));

        GenerationResult result = Outcomes.value(stability.generate(request(), ProgressListener.NONE));

        assertThat(result.images()).singleElement().satisfies(i -> {
            assertThat(i.seed()).isEqualTo(1234L);
            assertThat(i.width()).isEqualTo(48);
        });
        assertThat(result.costUsd()).as("6.5 credits").isEqualByComparingTo("0.065");
        vendor.verify(1, postRequestedFor(urlEqualTo(SD3))
                .withHeader("authorization", equalTo("Bearer sk-test-stability-key"))
                .withHeader("accept", equalTo("image/*"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart("prompt").withBody(equalTo("(a lighthouse:1.2), storm")).build())
                .withRequestBodyPart(aMultipart("negative_prompt").withBody(equalTo("blurry, lowres")).build())
                .withRequestBodyPart(aMultipart("aspect_ratio").withBody(equalTo("1:1")).build())
                .withRequestBodyPart(aMultipart("seed").withBody(equalTo("1234")).build())
                .withRequestBodyPart(aMultipart("output_format").withBody(equalTo("png")).build())
                .withRequestBodyPart(aMultipart("model").withBody(equalTo("sd3.5-large")).build()));
    }

    @Test
    void contentFilteredIsARefusalAndNothingIsKept() {
        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(image("CONTENT_FILTERED")));
        ProviderException failure = Outcomes.classified(ProviderId.STABILITY, stability.generate(request(), ProgressListener.NONE));
        assertThat(failure.kind()).isEqualTo(ProviderErrorKind.CONTENT_POLICY);

        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(error(403, "content_moderation",
                "Your request was flagged by our content moderation system")));
        assertThat(Outcomes.classified(ProviderId.STABILITY, stability.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.CONTENT_POLICY);
        vendor.verify(2, postRequestedFor(urlEqualTo(SD3)));
    }

    @Test
    void errorsAreClassifiedByNameNotStatus() {
        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(error(403, "payment_required", "You lack sufficient credits")));
        assertThat(Outcomes.classified(ProviderId.STABILITY, stability.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.PAYMENT);

        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Unauthorized\"}")));
        assertThat(Outcomes.classified(ProviderId.STABILITY, stability.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.AUTH);

        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(error(400, "bad_request", "aspect_ratio: must be one of ...")));
        assertThat(Outcomes.classified(ProviderId.STABILITY, stability.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.BAD_REQUEST);

        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(error(404, "not_found", "model not found")));
        assertThat(Outcomes.classified(ProviderId.STABILITY, stability.generate(request(), ProgressListener.NONE)).kind())
                .isEqualTo(ProviderErrorKind.MODEL_RETIRED);
    }

    @Test
    void aRateLimitWithoutRetryAfterIsTheSixtySecondLockoutAndGoesToTheRouter() {
        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(error(429, "rate_limit_exceeded",
                "You have exceeded the rate limit of 150 requests within a 10 second period")));

        ProviderException failure = Outcomes.classified(ProviderId.STABILITY, stability.generate(request(), ProgressListener.NONE));

        assertThat(failure.kind()).isEqualTo(ProviderErrorKind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        vendor.verify(1, postRequestedFor(urlEqualTo(SD3)));
    }

    @Test
    void aShortRetryAfterIsHonouredHere() {
        vendor.stubFor(post(urlEqualTo(SD3)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(error(429, "rate_limit_exceeded", "slow down").withHeader("retry-after", "0.3"))
                .willSetStateTo("ok"));
        vendor.stubFor(post(urlEqualTo(SD3)).inScenario("429").whenScenarioStateIs("ok").willReturn(image("SUCCESS")));

        long started = System.nanoTime();
        assertThat(Outcomes.value(stability.generate(request(), ProgressListener.NONE)).images()).hasSize(1);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300L);
        vendor.verify(2, postRequestedFor(urlEqualTo(SD3)));
    }

    @Test
    void serverErrorThenSuccess() {
        vendor.stubFor(post(urlEqualTo(SD3)).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(error(500, "internal_error", "An unexpected server error occurred")).willSetStateTo("ok"));
        vendor.stubFor(post(urlEqualTo(SD3)).inScenario("5xx").whenScenarioStateIs("ok").willReturn(image("SUCCESS")));

        assertThat(Outcomes.value(stability.generate(request(), ProgressListener.NONE)).images()).hasSize(1);
        vendor.verify(2, postRequestedFor(urlEqualTo(SD3)));
    }

    @Test
    void truncatedBytesAndSlowAnswersFail() {
        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withHeader("finish-reason", "SUCCESS").withBody(TestImages.truncatedPng())));
        assertThat(Outcomes.classified(ProviderId.STABILITY, stability.generate(request(), ProgressListener.NONE)).getMessage())
                .contains("corrupt or truncated");

        vendor.resetAll();
        breakers.resetAll();
        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(image("SUCCESS").withFixedDelay(3_000)));
        assertThat(Outcomes.failure(stability.generate(request(), ProgressListener.NONE)))
                .isInstanceOf(org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class);
    }

    @Test
    void theBreakerOpensAndHalfOpens() throws InterruptedException {
        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(error(402, "payment_required", "no credits")));
        for (int i = 0; i < 4; i++) {
            Outcomes.failure(stability.generate(request(), ProgressListener.NONE));
        }
        assertThat(breakers.currentState("stability")).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(Outcomes.failure(stability.generate(request(), ProgressListener.NONE)))
                .isInstanceOf(CircuitBreakerOpenException.class);
        vendor.verify(4, postRequestedFor(urlEqualTo(SD3)));

        vendor.resetAll();
        vendor.stubFor(post(urlEqualTo(SD3)).willReturn(image("SUCCESS")));
        Thread.sleep(1_100); // the breaker's configured delay (1 s in the test profile) must pass
        assertThat(Outcomes.value(stability.generate(request(), ProgressListener.NONE)).images()).hasSize(1);
        vendor.verify(1, postRequestedFor(urlEqualTo(SD3)));
        assertThat(breakers.currentState("stability")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void probeReadsTheBalance() {
        vendor.stubFor(get(urlEqualTo("/v1/user/balance")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"credits\": 4.2}")));
        assertThat(Outcomes.value(stability.probe()).status()).isEqualTo("DEGRADED");
        vendor.stubFor(get(urlEqualTo("/v1/user/balance")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"credits\": 250}")));
        assertThat(Outcomes.value(stability.probe()).status()).isEqualTo("UP");
        vendor.verify(0, postRequestedFor(urlEqualTo(SD3)));
    }
}
