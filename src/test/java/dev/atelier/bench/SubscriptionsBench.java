package dev.atelier.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.atelier.job.JobStatus;
import dev.atelier.job.ProgressBus;
import dev.atelier.support.GraphQL;
import dev.atelier.support.ForeignRows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Fan-out ({@code bench/run subscriptions}): 1,000 graphql-transport-ws connections subscribed to {@code myJobs};
 * events published on the Redis progress bus, one every 100 ms; delivery latency = publish → arrival at each
 * subscriber. The clients run in the same JVM as the service, so they compete for the same two cores.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "atelier.bench", matches = "true")
class SubscriptionsBench {

    static final int SUBSCRIBERS = 1_000;
    static final int EVENTS = 20;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    ProgressBus bus;

    @Inject
    Pool pool;

    @Test
    void subscriptions() throws Exception {
        GraphQL.post("{ me { id } }", Map.of());
        UUID owner = ForeignRows.localUser(pool);
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        BenchReport report = new BenchReport("subscriptions");
        long connectStarted = System.nanoTime();
        try (JobEvents events = new JobEvents(graphql, SUBSCRIBERS, update -> {
            Long t0 = publishedAt.get(update.jobId());
            if (t0 != null) {
                latencies.add(update.arrivedNanos() - t0);
            }
        })) {
            double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;
            Thread.sleep(500); // let the last subscriptions register with the bus (nothing to wait on otherwise)
            for (int e = 0; e < EVENTS + 3; e++) {
                UUID job = UUID.randomUUID();
                if (e >= 3) { // the first three warm up the path
                    publishedAt.put(job.toString(), System.nanoTime());
                }
                bus.publish(owner, job, JobStatus.GENERATING, "GENERATING", 0.5, null, "bench")
                        .await().atMost(Duration.ofSeconds(5));
                Thread.sleep(100);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (latencies.size() < SUBSCRIBERS * EVENTS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long[] samples = latencies.stream().mapToLong(Long::longValue).toArray();
            Stats s = Stats.of(samples);
            int expected = SUBSCRIBERS * EVENTS;
            report.result("subscribers", SUBSCRIBERS);
            report.result("events", EVENTS);
            report.result("delivered", samples.length);
            report.result("connectSeconds", Stats.round(connectSeconds));
            report.result("deliveryMs", s.in(1e6));
            report.row("subscribers connected (graphql-transport-ws)", Integer.toString(SUBSCRIBERS), "", "");
            report.row("deliveries received / expected", samples.length + " / " + expected, "all",
                    BenchReport.verdict(samples.length == expected));
            report.row("delivery latency p50", String.format("%.1f ms", s.p50() / 1e6), "", "");
            report.row("delivery latency p99", String.format("%.1f ms", s.p99() / 1e6), "< 200 ms",
                    BenchReport.verdict(s.p99() < 200e6 && samples.length == expected));
            report.row("delivery latency max", String.format("%.1f ms", s.max() / 1e6), "", "");
        }
        report.print();
        report.write();
    }
}
