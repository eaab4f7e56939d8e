package dev.atelier.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.atelier.support.ProvidersProfile;
import dev.atelier.support.TestImages;
import dev.atelier.support.VendorWireMock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The OpenAI-compatible endpoint's overhead ({@code bench/run openai-compat}): the same OpenAI request sent
 * directly to the fake OpenAI (WireMock, instant) and through Atelier's {@code /v1/images/generations} pinned to
 * OpenAI; overhead = the difference of the two latency distributions at the same percentile, alternating the two so
 * noise hits both. Also reports Atelier's own {@code x-atelier-overhead-ms} header.
 */
@QuarkusTest
@TestProfile(ProvidersProfile.class)
@EnabledIfSystemProperty(named = "atelier.bench", matches = "true")
class OpenAiCompatBench {

    static final int WARMUP = 300;
    static final int SAMPLES = 1_000;

    @TestHTTPResource("/v1/images/generations")
    URI atelier;

    @Test
    void openAiCompat() throws Exception {
        WireMockServer vendor = VendorWireMock.server(VendorWireMock.OpenAi.class);
        vendor.resetAll();
        vendor.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"created": 1764150000, "data": [{"b64_json": "%s"}],
                         "usage": {"input_tokens": 50, "output_tokens": 272, "total_tokens": 322,
                                   "input_tokens_details": {"text_tokens": 50, "image_tokens": 0}}}"""
                        .formatted(TestImages.pngBase64(64, 64)))));
        URI direct = URI.create(vendor.baseUrl() + "/v1/images/generations");
        String body = """
                {"model": "gpt-image-1", "prompt": "a lighthouse on a cliff at dusk", "n": 1, "size": "1024x1024",
                 "quality": "low"}""";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < WARMUP; i++) {
            call(http, direct, body);
            call(http, atelier, body);
        }
        long[] directNanos = new long[SAMPLES];
        long[] viaNanos = new long[SAMPLES];
        long[] headerMicros = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            call(http, direct, body);
            directNanos[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            HttpResponse<String> via = call(http, atelier, body);
            viaNanos[i] = System.nanoTime() - t0;
            headerMicros[i] = Math.round(Double.parseDouble(via.headers().firstValue("x-atelier-overhead-ms").orElse("0"))
                    * 1000);
        }
        Stats d = Stats.of(directNanos);
        Stats v = Stats.of(viaNanos);
        Stats h = Stats.of(headerMicros);
        BenchReport report = new BenchReport("openai-compat");
        report.result("directMs", d.in(1e6));
        report.result("throughAtelierMs", v.in(1e6));
        report.result("overheadHeaderMs", h.in(1e3));
        double p50 = (v.p50() - d.p50()) / 1e6;
        double p99 = (v.p99() - d.p99()) / 1e6;
        report.result("overheadP50Ms", Stats.round(p50));
        report.result("overheadP99Ms", Stats.round(p99));
        report.row("direct to the fake OpenAI p50 / p99", String.format("%.2f / %.2f ms", d.p50() / 1e6, d.p99() / 1e6), "", "");
        report.row("through /v1/images/generations p50 / p99", String.format("%.2f / %.2f ms", v.p50() / 1e6, v.p99() / 1e6), "", "");
        report.row("overhead p50 (difference)", String.format("%.2f ms", p50), "≤ 2 ms", BenchReport.verdict(p50 <= 2));
        report.row("overhead p99 (difference)", String.format("%.2f ms", p99), "", "");
        report.row("x-atelier-overhead-ms p50 / p99", String.format("%.2f / %.2f ms", h.p50() / 1e3, h.p99() / 1e3), "", "");
        report.print();
        report.write();
    }

    private static HttpResponse<String> call(HttpClient http, URI uri, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-bench")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
