package dev.atelier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged application in the prod profile, configured only by environment variables, as a cluster would run
 * it: it becomes ready (PostgreSQL, Redis) and answers a GraphQL call. Its own schema and key prefix keep it apart
 * from the tests' data; its logs are JSON lines.
 */
class ProdProfileIT {

    @Test
    void startsFromEnvironmentVariablesOnlyAndServes() throws Exception {
        try (PackagedApp app = new PackagedApp("atelier_prodit", Map.of()).start()) {
            String health = app.awaitReady(Duration.ofSeconds(60));
            assertThat(health).as(app.logText()).contains("\"status\": \"UP\"").contains("Redis")
                    .containsIgnoringCase("postgres");

            String me = app.graphql("{ me { id email } }");
            assertThat(me).contains("\"email\":\"local@atelier.invalid\"").doesNotContain("errors");

            // local mode, nothing configured: the API and the management interface listen on loopback only
            assertThat(listeners(app.port)).as("listening sockets on the API port").isNotEmpty()
                    .allMatch(ProdProfileIT::loopback);
            assertThat(listeners(app.management)).as("on the management port").isNotEmpty()
                    .allMatch(ProdProfileIT::loopback);

            String firstLine = Files.readAllLines(app.log).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
            assertThat(firstLine).as("prod logs are JSON lines").startsWith("{").contains("\"level\"");
        }
    }

    @Test
    void localModeRefusesToListenOnTheNetworkUnlessAllowed() throws Exception {
        try (PackagedApp app = new PackagedApp("atelier_prodit", Map.of("QUARKUS_HTTP_HOST", "0.0.0.0")).start()) {
            assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).as("the app exits").isTrue();
            assertThat(app.process().exitValue()).isNotZero();
            assertThat(app.logText()).contains("Refusing to start: LOCAL authentication mode")
                    .contains("ATELIER_AUTH_ALLOW_LOCAL_ON_NETWORK");
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
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
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
