package dev.atelier.ops;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged application (prod profile) as its own process, configured by environment variables only, the way a
 * deployment runs it: on free ports, its own schema and key prefix, logs in a file.
 */
final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    final int port;
    final int management;
    final Path log;
    private final ProcessBuilder builder;
    private Process process;

    PackagedApp(String schema, Map<String, String> extra) throws IOException {
        this.port = freePort();
        this.management = freePort();
        this.log = Files.createTempFile(schema, ".log");
        builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ATELIER_") || k.startsWith("OPENAI_"));
        env.put("DATABASE_URL", System.getenv().getOrDefault("TEST_DATABASE_URL",
                "postgresql://postgres@localhost:5432/postgres"));
        env.put("REDIS_URL", System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379/0"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("ATELIER_DB_SCHEMA", schema);
        env.put("ATELIER_REDIS_KEY_PREFIX", schema + ":");
        env.put("ATELIER_IMAGES_ROOT", new File("target/" + schema + "-images").getAbsolutePath());
        env.put("ATELIER_AUTH_MODE", "local");
        env.putAll(extra);
    }

    Map<String, String> env() {
        return builder.environment();
    }

    PackagedApp start() throws IOException {
        process = builder.start();
        return this;
    }

    Process process() {
        return process;
    }

    /** Waits until readiness says UP; the readiness body. */
    String awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://localhost:" + management + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        String health = "";
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.ofString());
                health = answer.body();
                if (answer.statusCode() == 200) {
                    return health;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        return health;
    }

    /** POSTs a GraphQL operation to this replica; the answer's body. */
    String graphql(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(io.vertx.core.json.Json.encode(Map.of("query", query))))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
