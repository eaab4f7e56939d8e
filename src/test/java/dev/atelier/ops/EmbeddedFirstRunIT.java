package dev.atelier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/**
 * A first run on a bare machine: the packaged app with embedded mode forced, no server configured, a temporary data
 * folder - real PostgreSQL and Redis started (as root, under the unprivileged account, the path CI takes), the whole
 * flow on LOCAL, then a restart on the same folder that still has the image; and {@code auto} beside running
 * servers, which uses them and starts nothing.
 */
class EmbeddedFirstRunIT {

    static final Pattern PORTS = Pattern.compile("Embedded PostgreSQL on 127\\.0\\.0\\.1:(\\d+) and Redis on 127\\.0\\.0\\.1:(\\d+)");

    static PackagedApp bare(Path data) throws Exception {
        PackagedApp app = new PackagedApp("atelier_embedded", Map.of("ATELIER_EMBEDDED", "always",
                "ATELIER_DATA_DIR", data.toString()));
        app.env().remove("DATABASE_URL");
        app.env().remove("REDIS_URL");
        app.env().remove("ATELIER_IMAGES_ROOT");
        app.env().remove("ATELIER_DB_SCHEMA");
        app.env().remove("ATELIER_REDIS_KEY_PREFIX");
        return app;
    }

    static JsonObject data(PackagedApp app, String query) throws Exception {
        JsonObject answer = new JsonObject(app.graphql(query));
        assertThat(answer.getValue("errors")).as(answer.encode()).isNull();
        return answer.getJsonObject("data");
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The folder holds a whole PostgreSQL cluster: gone once the JVM ends. */
    static void deleteAtTheEnd(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // a temporary folder: the system cleans it
            }
        }));
    }

    /** An SSLRequest to PostgreSQL is answered ('N') - the server is up; login needs the password (checked below). */
    static boolean refusesWithoutPassword(int port, String sslRequest) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(sslRequest.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            int answer = socket.getInputStream().read();
            if (answer != 'N' && answer != 'S') {
                return false;
            }
        }
        ProcessBuilder psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "-d", "postgres", "-w", "-c", "select 1").redirectErrorStream(true);
        psql.environment().remove("PGPASSWORD");
        Process process = psql.start();
        String output = new String(process.getInputStream().readAllBytes());
        return process.waitFor() != 0 && output.contains("password");
    }

    static String redisAnswer(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] buffer = new byte[64];
            int read = socket.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(0, read), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aBareMachineRunsTheWholeFlowOnEmbeddedServersAndKeepsItsDataAcrossARestart() throws Exception {
        Path data = Files.createTempDirectory("atelier-embedded");
        String imageId;
        int postgres;
        int redis;
        try (PackagedApp app = bare(data).start()) {
            assertThat(app.awaitReady(Duration.ofSeconds(120))).as(app.logText()).contains("\"status\": \"UP\"");
            Matcher ports = PORTS.matcher(app.logText());
            assertThat(ports.find()).as("one line says what was started where").isTrue();
            postgres = Integer.parseInt(ports.group(1));
            redis = Integer.parseInt(ports.group(2));
            assertThat(app.logText()).contains("data in " + data).contains("set DATABASE_URL and REDIS_URL");
            if ("root".equals(System.getProperty("user.name"))) {
                // the path CI takes: PostgreSQL refuses root, so the servers run as the unprivileged account
                assertThat(app.logText()).contains("run as the unprivileged account 'atelier'");
                assertThat(Files.getOwner(data.resolve("postgres")).getName()).isEqualTo("atelier");
                assertThat(Files.getOwner(data.resolve("postgres.password")).getName()).isEqualTo("root");
            }
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve("postgres.password")))).isEqualTo("rw-------");
            assertThat(refusesWithoutPassword(postgres, "\u0000\u0000\u0000\u0008\u0004\u00d2\u0016\u002f"))
                    .as("PostgreSQL answers, but only to its password").isTrue();
            assertThat(redisAnswer(redis)).as("Redis wants its password").startsWith("-NOAUTH");
            assertThat(app.logText()).as("no password in the log").doesNotContain(
                    Files.readString(data.resolve("postgres.password")).trim());

            assertThat(data(app, "{ me { id } }").getJsonObject("me").getString("id")).isNotBlank();
            assertThat(data(app, "mutation { enhancePrompt(input: {input: \"a lighthouse at dusk\"}) { variants { provider } } }")
                    .getJsonObject("enhancePrompt").getJsonArray("variants")).hasSize(5);
            String job = data(app, "mutation { generateImage(input: {prompt: \"a lighthouse at dusk\", size: \"128x128\"}) { id } }")
                    .getJsonObject("generateImage").getString("id");
            String status = "";
            for (int i = 0; i < 100 && !status.equals("SUCCEEDED"); i++) {
                Thread.sleep(200);
                status = data(app, "{ job(id: \"" + job + "\") { status } }").getJsonObject("job").getString("status");
            }
            assertThat(status).isEqualTo("SUCCEEDED");
            imageId = data(app, "{ images(first: 1) { edges { node { id } } } }").getJsonObject("images")
                    .getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("id");
            assertThat(Files.list(data.resolve("images")).findAny()).as("images default into the data folder").isPresent();
        }
        assertThat(listening(postgres) || listening(redis)).as("both servers stop with the application").isFalse();
        assertThat(Files.exists(data.resolve("redis").resolve("appendonlydir"))
                || Files.exists(data.resolve("redis").resolve("appendonly.aof"))).as("the queue is persisted").isTrue();

        try (PackagedApp again = bare(data).start()) {
            deleteAtTheEnd(data);
            assertThat(again.awaitReady(Duration.ofSeconds(120))).as(again.logText()).contains("\"status\": \"UP\"");
            String found = data(again, "{ images(first: 5) { edges { node { id } } } }").getJsonObject("images")
                    .getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("id");
            assertThat(found).isEqualTo(imageId);
            HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + again.port + "/images/" + imageId)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("content-type")).contains("image/png");
        }
    }

    @Test
    void autoBesideRunningServersUsesThemAndStartsNothing() throws Exception {
        Path data = Files.createTempDirectory("atelier-auto");
        deleteAtTheEnd(data);
        PackagedApp auto = new PackagedApp("atelier_embedded_auto", Map.of("ATELIER_DATA_DIR", data.toString()));
        auto.env().remove("DATABASE_URL");
        auto.env().remove("REDIS_URL");
        try (PackagedApp app = auto.start()) {
            assertThat(app.awaitReady(Duration.ofSeconds(60))).as(app.logText()).contains("\"status\": \"UP\"");
            assertThat(app.logText()).doesNotContain("Embedded PostgreSQL").doesNotContain("Embedded Redis");
            assertThat(data(app, "{ me { id } }").getJsonObject("me").getString("id")).isNotBlank();
        }
        try (var entries = Files.list(data)) {
            assertThat(entries).as("nothing was unpacked or initialised").isEmpty();
        }
    }
}
