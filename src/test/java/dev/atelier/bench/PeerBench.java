package dev.atelier.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.atelier.support.TestImages;
import dev.atelier.support.VendorWireMock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Atelier's OpenAI-compatible endpoint beside a peer gateway ({@code bench/run peer}): the same OpenAI request sent
 * directly to a fake OpenAI that answers at once with a realistic PNG (1024x1024 and 1536x1024, 2-4 MB), through
 * the Portkey gateway (installed from npm by bench/run, started headless) and through Atelier's
 * {@code /v1/images/generations} pinned to OpenAI - which also records the job and stores the image. Added latency is
 * each path's percentile minus the direct one's at one client (the three alternated so noise hits all); throughput at
 * 16 clients. Ratios Atelier / Portkey are printed.
 */
@QuarkusTest
@TestProfile(PeerProfile.class)
@EnabledIfSystemProperty(named = "atelier.bench", matches = "true")
class PeerBench {

    static final int WARMUP = 60;
    static final int SAMPLES = 200;
    static final int CLIENTS = 16;
    static final Duration THROUGHPUT_FOR = Duration.ofSeconds(8);

    @TestHTTPResource("/v1/images/generations")
    URI atelier;

    @Test
    void peer() throws Exception {
        WireMockServer vendor = VendorWireMock.server(VendorWireMock.OpenAi.class);
        URI direct = URI.create(vendor.baseUrl() + "/v1/images/generations");
        BenchReport report = new BenchReport("peer");
        // WireMock keeps every request and its multi-megabyte answer in its journal: cleared as the bench goes
        java.util.concurrent.ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor();
        janitor.scheduleAtFixedRate(vendor::resetRequests, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        try (Portkey portkey = Portkey.start(Path.of(System.getProperty("atelier.bench.portkey", "bench/.peer")))) {
            for (int[] size : new int[][] { { 1024, 1024 }, { 1536, 1024 } }) {
                String label = size[0] + "x" + size[1];
                byte[] png = TestImages.realistic(size[0], size[1], 7);
                vendor.resetMappings();
                vendor.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"created": 1764150000, "data": [{"b64_json": "%s"}], "output_format": "png",
                                 "usage": {"input_tokens": 50, "output_tokens": 1056, "total_tokens": 1106,
                                           "input_tokens_details": {"text_tokens": 50, "image_tokens": 0}}}"""
                                .formatted(Base64.getEncoder().encodeToString(png)))));
                String body = """
                        {"model": "openai", "prompt": "a lighthouse on a cliff at dusk", "n": 1, "size": "%s",
                         "response_format": "b64_json"}""".formatted(label);
                Map<String, Target> targets = new LinkedHashMap<>();
                targets.put("direct", new Target(direct, Map.of()));
                targets.put("Portkey", new Target(portkey.images(), portkey.headers(vendor.baseUrl() + "/v1")));
                targets.put("Atelier", new Target(atelier, Map.of()));
                measure(report, label, png.length, body, targets);
            }
        } finally {
            janitor.shutdownNow();
        }
        report.print();
        report.write();
    }

    record Target(URI uri, Map<String, String> headers) {
    }

    private static void measure(BenchReport report, String label, int pngBytes, String body, Map<String, Target> targets)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < WARMUP; i++) {
            for (Target t : targets.values()) {
                call(http, t, body);
            }
        }
        Map<String, long[]> nanos = new LinkedHashMap<>();
        targets.keySet().forEach(name -> nanos.put(name, new long[SAMPLES]));
        for (int i = 0; i < SAMPLES; i++) {
            for (Map.Entry<String, Target> t : targets.entrySet()) {
                long t0 = System.nanoTime();
                call(http, t.getValue(), body);
                nanos.get(t.getKey())[i] = System.nanoTime() - t0;
            }
        }
        Stats d = Stats.of(nanos.get("direct"));
        Stats p = Stats.of(nanos.get("Portkey"));
        Stats a = Stats.of(nanos.get("Atelier"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pngBytes", pngBytes);
        double portkeyP50 = (p.p50() - d.p50()) / 1e6;
        double portkeyP99 = (p.p99() - d.p99()) / 1e6;
        double atelierP50 = (a.p50() - d.p50()) / 1e6;
        double atelierP99 = (a.p99() - d.p99()) / 1e6;
        report.row(label + " (" + pngBytes / 1024 + " KB PNG): direct p50 / p99",
                String.format("%.2f / %.2f ms", d.p50() / 1e6, d.p99() / 1e6), "", "");
        report.row(label + ": Portkey added p50 / p99", String.format("%.2f / %.2f ms", portkeyP50, portkeyP99), "", "");
        report.row(label + ": Atelier added p50 / p99", String.format("%.2f / %.2f ms", atelierP50, atelierP99),
                "p50 <= Portkey, p99 <= 1.5x", BenchReport.verdict(atelierP50 <= portkeyP50 && atelierP99 <= 1.5 * portkeyP99));
        report.row(label + ": added-latency ratio Atelier / Portkey, p50 / p99",
                String.format("%.2f / %.2f", atelierP50 / portkeyP50, atelierP99 / portkeyP99), "", "");
        Map<String, Double> throughput = new LinkedHashMap<>();
        for (Map.Entry<String, Target> t : targets.entrySet()) {
            throughput.put(t.getKey(), throughput(t.getValue(), body));
        }
        report.row(label + ": throughput at " + CLIENTS + " clients, direct / Portkey / Atelier",
                String.format("%.0f / %.0f / %.0f req/s", throughput.get("direct"), throughput.get("Portkey"),
                        throughput.get("Atelier")),
                ">= Portkey", BenchReport.verdict(throughput.get("Atelier") >= throughput.get("Portkey")));
        report.row(label + ": throughput ratio Atelier / Portkey",
                String.format("%.2f", throughput.get("Atelier") / throughput.get("Portkey")), "", "");
        result.put("directMs", d.in(1e6));
        result.put("portkeyMs", p.in(1e6));
        result.put("atelierMs", a.in(1e6));
        result.put("addedMs", Map.of("portkeyP50", Stats.round(portkeyP50), "portkeyP99", Stats.round(portkeyP99),
                "atelierP50", Stats.round(atelierP50), "atelierP99", Stats.round(atelierP99)));
        result.put("requestsPerSecond", throughput);
        report.result(label, result);
    }

    private static double throughput(Target target, String body) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger done = new AtomicInteger();
        long until = System.nanoTime() + THROUGHPUT_FOR.toNanos();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < until) {
                    call(http, target, body);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    private static HttpResponse<byte[]> call(HttpClient http, Target target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-bench")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        target.headers().forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(target.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response;
    }
}
