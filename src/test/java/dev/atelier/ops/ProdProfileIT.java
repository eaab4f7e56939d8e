package dev.atelier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in the prod profile, configured only by environment variables, as a cluster would run
 * it: it becomes ready (PostgreSQL, Redis) and answers a GraphQL call. Its own schema and key prefix keep it apart
 * from the tests' data; its logs are JSON lines.
 */
class ProdProfileIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    Process app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void startsFromEnvironmentVariablesOnlyAndServes() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("atelier-prod", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ATELIER_"));
        env.put("DATABASE_URL", System.getenv().getOrDefault("TEST_DATABASE_URL",
                "postgresql://postgres@localhost:5432/postgres"));
        env.put("REDIS_URL", System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379/0"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("ATELIER_DB_SCHEMA", "atelier_prodit");
        env.put("ATELIER_REDIS_KEY_PREFIX", "atelier_prodit:");
        env.put("ATELIER_IMAGES_ROOT", new File("target/prodit-images").getAbsolutePath());
        env.put("ATELIER_AUTH_MODE", "local");
        env.put("ATELIER_AUTH_ALLOW_LOCAL_IN_PROD", "true");
        app = builder.start();

        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://localhost:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String health = "";
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.ofString());
                health = answer.body();
                if (answer.statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        assertThat(health).as(Files.readString(log)).contains("\"status\": \"UP\"").contains("Redis")
                .containsIgnoringCase("postgres");

        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { id email } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"local@atelier.invalid\"").doesNotContain("errors");

        String firstLine = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        assertThat(firstLine).as("prod logs are JSON lines").startsWith("{").contains("\"level\"");
    }
}
