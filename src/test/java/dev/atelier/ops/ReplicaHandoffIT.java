package dev.atelier.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.atelier.support.TestImages;

/**
 * Two replicas of different configuration share one queue: A has an OpenAI key, B (an old pod of a rolling update)
 * has none. Jobs pinned to OpenAI are submitted through B; B hands every one it reads to the queue again, because A
 * announces OpenAI; midway B gets SIGTERM and stops taking jobs at once. Every job succeeds, none fails, and B exits
 * well within its drain time.
 */
class ReplicaHandoffIT {

    static final String SCHEMA = "atelier_handoffit";
    static final int JOBS = 24;

    @Test
    void aReplicaWithoutTheProviderNeverFailsAJobAnotherReplicaCanServe() throws Exception {
        WireMockServer openAi = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        openAi.start();
        openAi.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(aResponse().withFixedDelay(250)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"created": 1764150000, "data": [{"b64_json": "%s"}],
                         "usage": {"input_tokens": 50, "output_tokens": 4160, "total_tokens": 4210}}"""
                        .formatted(TestImages.pngBase64(1024, 1024)))));
        dropSchema();
        Map<String, String> shared = Map.of("ATELIER_ROUTING_RATE_LIMIT_OPENAI_REQUESTS", "100000",
                "ATELIER_JOBS_CONCURRENCY", "2", "ATELIER_JOBS_RECLAIM_IDLE", "PT5S");
        Map<String, String> withKey = new HashMap<>(shared);
        withKey.put("OPENAI_API_KEY", "sk-test-handoff");
        withKey.put("OPENAI_BASE_URL", openAi.baseUrl() + "/v1");
        try (PackagedApp a = new PackagedApp(SCHEMA, withKey).start()) {
            assertThat(a.awaitReady(Duration.ofSeconds(60))).as("A").contains("\"status\": \"UP\"");
            try (PackagedApp b = new PackagedApp(SCHEMA, shared).start()) {
                assertThat(b.awaitReady(Duration.ofSeconds(60))).as("B").contains("\"status\": \"UP\"");
                Thread.sleep(1_000); // both have announced their providers
                for (int i = 0; i < JOBS; i++) {
                    String answer = b.graphql("mutation { generateImage(input: {prompt: \"harbour " + i
                            + "\", provider: OPENAI, size: \"1024x1024\", enhance: false}) { id } }");
                    assertThat(answer).as(answer).doesNotContain("errors");
                }
                awaitCount("SUCCEEDED", 6, Duration.ofSeconds(60));
                // a browser's subscription is open on B when it is told to stop: it must not hold the shutdown
                CompletableFuture<String> socketEnded = new CompletableFuture<>();
                subscribe(b, socketEnded);
                long stopped = System.nanoTime();
                b.process().destroy(); // SIGTERM mid-stream
                assertThat(b.process().waitFor(25, TimeUnit.SECONDS)).as("B stops within its drain time").isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(25));
                assertThat(socketEnded.get(5, TimeUnit.SECONDS)).as("the open WebSocket was closed, going away")
                        .isEqualTo("closed 1001");
                assertThat(b.logText()).contains("stops taking jobs").contains("Closing 1 open GraphQL WebSocket(s) with 1001");
            }
            awaitCount("SUCCEEDED", JOBS, Duration.ofSeconds(90));
            assertThat(count("FAILED")).as("failed jobs; A's log:\n" + a.logText()).isZero();
        } finally {
            openAi.stop();
        }
    }

    /** A graphql-transport-ws subscription to myJobs on the replica; completes {@code ended} when the socket ends. */
    private static void subscribe(PackagedApp replica, CompletableFuture<String> ended) throws Exception {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + replica.port + "/graphql"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        if (data.toString().contains("connection_ack")) {
                            acked.complete(null);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        ended.complete("closed " + status);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        ended.complete("ended: " + error);
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\": \"connection_init\", \"payload\": {}}", true);
        acked.get(10, TimeUnit.SECONDS);
        socket.sendText("{\"id\": \"1\", \"type\": \"subscribe\", \"payload\": {\"query\": "
                + "\"subscription { myJobs { jobId status } }\"}}", true);
        Thread.sleep(300);
    }

    private static void dropSchema() throws Exception {
        new ProcessBuilder("bash", "-c", "redis-cli --scan --pattern '" + SCHEMA + ":*' | xargs -r redis-cli del")
                .inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    private static long count(String status) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from " + SCHEMA + ".generation_jobs where status = '"
                        + status + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void awaitCount(String status, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(status) < atLeast) {
            assertThat(System.nanoTime()).as("%d jobs %s in time (failed so far: %d)", atLeast, status, count("FAILED"))
                    .isLessThan(deadline);
            assertThat(count("FAILED")).as("no job fails").isZero();
            Thread.sleep(250);
        }
    }
}
