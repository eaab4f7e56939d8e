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
import java.util.List;
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
        int port = freePort();
        int management = freePort();
        Path log = Files.createTempFile("atelier-prod", ".log");
        ProcessBuilder builder = packagedApp(log, port, management);
        app = builder.start();

        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://localhost:" + management + "/q/health/ready");
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

        // local mode, nothing configured: the API and the management interface listen on loopback only
        assertThat(listeners(port)).as("listening sockets on the API port").isNotEmpty().allMatch(ProdProfileIT::loopback);
        assertThat(listeners(management)).as("on the management port").isNotEmpty().allMatch(ProdProfileIT::loopback);

        String firstLine = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        assertThat(firstLine).as("prod logs are JSON lines").startsWith("{").contains("\"level\"");
    }

    @Test
    void localModeRefusesToListenOnTheNetworkUnlessAllowed() throws Exception {
        Path log = Files.createTempFile("atelier-prod-refused", ".log");
        ProcessBuilder builder = packagedApp(log, freePort(), freePort());
        builder.environment().put("QUARKUS_HTTP_HOST", "0.0.0.0");
        app = builder.start();
        assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the app exits").isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("Refusing to start: LOCAL authentication mode")
                .contains("ATELIER_AUTH_ALLOW_LOCAL_ON_NETWORK");
    }

    /** The packaged app in the prod profile, configured by environment variables only, in local mode. */
    private static ProcessBuilder packagedApp(Path log, int port, int management) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ATELIER_"));
        env.put("DATABASE_URL", System.getenv().getOrDefault("TEST_DATABASE_URL",
                "postgresql://postgres@localhost:5432/postgres"));
        env.put("REDIS_URL", System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379/0"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("ATELIER_DB_SCHEMA", "atelier_prodit");
        env.put("ATELIER_REDIS_KEY_PREFIX", "atelier_prodit:");
        env.put("ATELIER_IMAGES_ROOT", new File("target/prodit-images").getAbsolutePath());
        env.put("ATELIER_AUTH_MODE", "local");
        return builder;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The local addresses of the sockets listening on a TCP port, read from /proc/net/tcp and tcp6 (as ss does). */
    static List<String> listeners(int port) throws java.io.IOException {
        List<String> addresses = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    /** 127.0.0.1 in /proc's hex (little-endian), or ::1 / ::ffff:127.0.0.1 in tcp6. */
    static boolean loopback(String hex) {
        return hex.equals("0100007F") || hex.equals("00000000000000000000000001000000")
                || hex.equals("0000000000000000FFFF00000100007F");
    }
}
