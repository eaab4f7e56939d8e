package dev.atelier.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * End-to-end generation ({@code bench/run generate}): closed-loop clients at concurrency 1, 16 and 64 each submit
 * {@code generateImage} on the instant LOCAL provider (64×64, no enhancement) and wait for the SUCCEEDED event on a
 * {@code myJobs} subscription. Reports jobs/s and the service's added latency: mutation sent → SUCCEEDED received,
 * minus the provider's own time (the job's attempt latency).
 */
@QuarkusTest
@TestProfile(GenerateBench.Profile.class)
@EnabledIfSystemProperty(named = "atelier.bench", matches = "true")
class GenerateBench {

    /** 16 jobs at once per replica (the default is 4). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atelier.jobs.concurrency", "16");
        }
    }

    static final String GENERATE = """
            mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }""";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Pool pool;

    @Test
    void generate() throws Exception {
        BenchReport report = new BenchReport("generate");
        GraphQLLoad load = new GraphQLLoad(graphql);
        try (JobEvents events = new JobEvents(graphql, 1, update -> {
        })) {
            run(load, events, 1, 20, null); // warm-up
            for (int[] level : new int[][] { { 1, 60 }, { 16, 240 }, { 64, 320 } }) {
                run(load, events, level[0], level[1], report);
            }
        }
        report.print();
        report.write();
    }

    private void run(GraphQLLoad load, JobEvents events, int concurrency, int total, BenchReport report) throws Exception {
        String[] ids = new String[total];
        long[] sent = new long[total];
        long[] done = new long[total];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            futures.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    sent[i] = System.nanoTime();
                    ids[i] = load.send(GENERATE, Map.of("i", Map.of("prompt", "bench tile " + UUID.randomUUID(),
                            "size", "64x64", "enhance", false))).path("data").path("generateImage").path("id").asText();
                    done[i] = events.terminal(ids[i]).get(120, TimeUnit.SECONDS);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdownNow();
        if (report == null) {
            return;
        }
        Map<String, Long> providerNanos = providerTime(ids);
        long[] added = new long[total];
        long[] endToEnd = new long[total];
        int failed = 0;
        for (int i = 0; i < total; i++) {
            Long provider = providerNanos.get(ids[i]);
            if (provider == null) {
                failed++;
                provider = 0L;
            }
            endToEnd[i] = done[i] - sent[i];
            added[i] = Math.max(0, endToEnd[i] - provider);
        }
        Stats e2e = Stats.of(endToEnd);
        Stats overhead = Stats.of(added);
        double throughput = total / seconds;
        report.result("c" + concurrency, Map.of("jobs", total, "seconds", Stats.round(seconds), "jobsPerSecond",
                Stats.round(throughput), "endToEndMs", e2e.in(1e6), "addedLatencyMs", overhead.in(1e6), "notSucceeded", failed));
        report.row("c=" + concurrency + ": throughput (" + total + " jobs)", String.format("%.1f jobs/s", throughput), "", "");
        report.row("c=" + concurrency + ": mutation → SUCCEEDED p50 / p99",
                String.format("%.1f / %.1f ms", e2e.p50() / 1e6, e2e.p99() / 1e6), "", "");
        report.row("c=" + concurrency + ": added latency (minus provider) p50 / p99",
                String.format("%.1f / %.1f ms", overhead.p50() / 1e6, overhead.p99() / 1e6), "", "");
        if (failed > 0) {
            report.row("c=" + concurrency + ": jobs not SUCCEEDED", Integer.toString(failed), "0", "NOT MET");
        }
    }

    /** Provider time per job: the sum of its attempts' latencies. */
    private Map<String, Long> providerTime(String[] ids) {
        UUID[] uuids = java.util.Arrays.stream(ids).map(UUID::fromString).toArray(UUID[]::new);
        Map<String, Long> result = new java.util.HashMap<>();
        for (Row row : pool.preparedQuery("select id, status, attempts from generation_jobs where id = any($1)")
                .execute(Tuple.of(uuids)).await().atMost(Duration.ofSeconds(30))) {
            if (!"SUCCEEDED".equals(row.getString("status"))) {
                continue;
            }
            JsonArray attempts = ((JsonObject) row.getValue("attempts")).getJsonArray("items");
            long ms = 0;
            for (int a = 0; a < attempts.size(); a++) {
                Integer latency = attempts.getJsonObject(a).getInteger("latencyMs");
                ms += latency == null ? 0 : latency;
            }
            result.put(row.getUUID("id").toString(), ms * 1_000_000L);
        }
        return result;
    }
}
