package dev.atelier.provider.sdwebui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

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
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The cancellation test runs last: the fake answers its interrupted txt2img only after a delay, and until then
 * that render's progress poller keeps reading /sdapi/v1/progress, which would consume another test's scripted
 * progress states.
 */
@QuarkusTest
@TestProfile(ProvidersProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdWebUiImageProviderTest {

    static final String TXT2IMG = "/sdapi/v1/txt2img";
    static final String PROGRESS = "/sdapi/v1/progress";

    @Inject
    SdWebUiImageProvider sdwebui;

    @Inject
    CircuitBreakerMaintenance breakers;

    WireMockServer server;

    @BeforeEach
    void reset() {
        server = VendorWireMock.server(VendorWireMock.SdWebUi.class);
        server.resetAll();
        breakers.resetAll();
    }

    static ImageRequest request() {
        return new ImageRequest("(a castle:1.2), fog", "lowres", 768, 512, 1, Quality.STANDARD, 99L, null, null, null);
    }

    static String result() {
        return """
                {"images": ["%s"], "parameters": {"prompt": "(a castle:1.2), fog"},
                 "info": "{\\"seed\\": 99, \\"all_seeds\\": [99], \\"sampler_name\\": \\"DPM++ 2M\\"}"}"""
                .formatted(TestImages.pngBase64(768, 512));
    }

    /** The progress endpoint advancing 3 → 12 → 24 → 30 steps of 30 across four polls. */
    void progressAdvances() {
        int[] steps = { 3, 12, 24, 30 };
        String state = STARTED;
        for (int i = 0; i < steps.length; i++) {
            String next = i == steps.length - 1 ? "done" : "p" + i;
            server.stubFor(get(urlPathEqualTo(PROGRESS)).inScenario("progress").whenScenarioStateIs(state)
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                            {"progress": %s, "eta_relative": 4.0, "state": {"skipped": false, "interrupted": false,
                             "job_count": 1, "sampling_step": %d, "sampling_steps": 30}, "current_image": null}"""
                            .formatted(steps[i] / 30.0, steps[i])))
                    .willSetStateTo(next));
            state = next;
        }
        server.stubFor(get(urlPathEqualTo(PROGRESS)).inScenario("progress").whenScenarioStateIs("done")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"progress\": 1.0, \"state\": {\"sampling_step\": 30, \"sampling_steps\": 30}}")));
    }

    @Test
    void aRentedGpuIsBilledByTheSecondItWorked() {
        server.stubFor(post(urlEqualTo(TXT2IMG)).willReturn(aResponse().withFixedDelay(600)
                .withHeader("Content-Type", "application/json").withBody(result())));

        GenerationResult generated = Outcomes.value(sdwebui.generate(request(), ProgressListener.NONE));

        // 0.0005 USD per GPU second (the profile): at least the 0.6 s the fake took, less than 0.6 s more
        assertThat(generated.costUsd()).isBetween(new BigDecimal("0.000300"), new BigDecimal("0.000600"));
        assertThat(sdwebui.quote(request()).usd()).as("estimated at 20 s per image").isEqualByComparingTo("0.01");
    }

    @Test
    void realStepProgressIsReportedAndNeverMovesBackwards() {
        progressAdvances();
        server.stubFor(post(urlEqualTo(TXT2IMG)).willReturn(aResponse().withFixedDelay(700)
                .withHeader("Content-Type", "application/json").withBody(result())));
        List<Double> seen = new CopyOnWriteArrayList<>();

        GenerationResult generated = Outcomes.value(sdwebui.generate(request(), (fraction, stage) -> seen.add(fraction)));

        assertThat(generated.images()).singleElement().satisfies(i -> assertThat(i.seed()).isEqualTo(99L));
        assertThat(seen.size()).as("several real progress reports: " + seen).isGreaterThanOrEqualTo(4);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).isGreaterThan(seen.get(i - 1));
        }
        assertThat(seen).contains(0.05 + 0.9 * 12 / 30.0);
        server.verify(1, postRequestedFor(urlEqualTo(TXT2IMG)).withRequestBody(equalToJson("""
                {"prompt": "(a castle:1.2), fog", "negative_prompt": "lowres", "width": 768, "height": 512,
                 "steps": 30, "cfg_scale": 7.0, "seed": 99, "sampler_name": "DPM++ 2M", "batch_size": 1}""")));
    }

    /** A job cancelled mid-render tells the server to stop: the adapter's cancel() is POST /sdapi/v1/interrupt. */
    @Test
    @Order(Integer.MAX_VALUE)
    void cancellingTheGenerationInterruptsTheServer() {
        server.stubFor(post(urlEqualTo(TXT2IMG)).willReturn(aResponse().withFixedDelay(1_200)
                .withHeader("Content-Type", "application/json").withBody(result())));
        server.stubFor(post(urlEqualTo("/sdapi/v1/interrupt")).willReturn(aResponse().withStatus(200).withBody("{}")));
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

        Cancellable running = sdwebui.generate(request(), (f, s) -> {
        }).onTermination().invoke(() -> ended.set(true)).subscribe().with(r -> {
        }, e -> {
        });
        await().atMost(Duration.ofSeconds(3)).until(() -> !server.findAll(postRequestedFor(urlEqualTo(TXT2IMG))).isEmpty());
        running.cancel();
        Outcomes.value(sdwebui.cancel());

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                server.verify(1, postRequestedFor(urlEqualTo("/sdapi/v1/interrupt"))));
        await().atMost(Duration.ofSeconds(5)).untilTrue(ended);
    }

    @Test
    void validationErrorsAndServerErrorsAreClassified() {
        server.stubFor(post(urlEqualTo(TXT2IMG)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": [{\"loc\": [\"body\", \"width\"], \"msg\": \"value is not a valid integer\"}]}")));
        assertThat(Outcomes.classified(ProviderId.SDWEBUI, sdwebui.generate(request(), (f, s) -> {
        })).kind()).isEqualTo(ProviderErrorKind.BAD_REQUEST);

        server.resetAll();
        server.stubFor(post(urlEqualTo(TXT2IMG)).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"OutOfMemoryError\"}")).willSetStateTo("ok"));
        server.stubFor(post(urlEqualTo(TXT2IMG)).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(result())));
        assertThat(Outcomes.value(sdwebui.generate(request(), (f, s) -> {
        })).images()).hasSize(1);
        server.verify(2, postRequestedFor(urlEqualTo(TXT2IMG)));
    }

    @Test
    void probeUsesOptions() {
        server.stubFor(get(urlEqualTo("/sdapi/v1/options")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"sd_model_checkpoint\": \"sdxl.safetensors\"}")));
        assertThat(Outcomes.value(sdwebui.probe()).status()).isEqualTo("UP");
    }
}
