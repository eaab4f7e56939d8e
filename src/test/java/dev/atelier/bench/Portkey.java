package dev.atelier.bench;

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
 * The Portkey AI gateway (npm {@code @portkey-ai/gateway}, installed under {@code bench/.peer} by bench/run), started
 * headless on a free port ({@code --port=N --headless}, its start-server's flags), routing to any OpenAI-compatible
 * host named by {@code x-portkey-custom-host} (loopback is on its trusted list).
 */
final class Portkey implements AutoCloseable {

    private final Process process;
    private final int port;

    private Portkey(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Portkey start(Path installation) throws Exception {
        Path server = installation.resolve("node_modules/@portkey-ai/gateway/build/start-server.js");
        if (!Files.exists(server)) {
            throw new IllegalStateException("the Portkey gateway is not installed at " + installation
                    + " (bench/run peer installs it from npm)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("node", server.toString(), "--port=" + port, "--headless")
                .redirectErrorStream(true).redirectOutput(installation.resolve("portkey.log").toFile()).start();
        Portkey portkey = new Portkey(process, port);
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() < 500) {
                    return portkey;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        portkey.close();
        throw new IllegalStateException("the Portkey gateway did not start; see " + installation.resolve("portkey.log"));
    }

    URI images() {
        return URI.create("http://127.0.0.1:" + port + "/v1/images/generations");
    }

    /** The headers that send a request to the OpenAI-compatible server at {@code baseUrl} (ending in /v1). */
    Map<String, String> headers(String baseUrl) {
        return Map.of("x-portkey-provider", "openai", "x-portkey-custom-host", baseUrl);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
