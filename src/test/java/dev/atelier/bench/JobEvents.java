package dev.atelier.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * Many graphql-transport-ws connections on one Vert.x client, each subscribed to {@code myJobs}; every update is
 * handed to a callback with its arrival time. Also tracks when each job's terminal event first arrived.
 */
public final class JobEvents implements AutoCloseable {

    /** One update as received. */
    public record Update(int connection, String jobId, String status, long arrivedNanos) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxWebSockets(5000)
            .setMaxPoolSize(5000));
    private final Map<String, CompletableFuture<Long>> terminal = new ConcurrentHashMap<>();
    private final java.util.List<WebSocket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

    public JobEvents(URI graphql, int connections, Consumer<Update> listener) throws Exception {
        for (int c = 0; c < connections; c++) {
            int connection = c;
            CompletableFuture<Void> subscribed = new CompletableFuture<>();
            WebSocket socket = client.webSocket(new WebSocketConnectOptions().setHost(graphql.getHost())
                    .setPort(graphql.getPort()).setURI(graphql.getPath()).addSubProtocol("graphql-transport-ws"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> {
                long now = System.nanoTime();
                JsonObject message = new JsonObject(text);
                switch (message.getString("type")) {
                    case "connection_ack" -> {
                        socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                                .put("payload", new JsonObject().put("query",
                                        "subscription { myJobs { jobId status } }")).encode());
                        subscribed.complete(null);
                    }
                    case "next" -> {
                        JsonObject update = message.getJsonObject("payload").getJsonObject("data").getJsonObject("myJobs");
                        String status = update.getString("status");
                        String jobId = update.getString("jobId");
                        if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                            terminal.computeIfAbsent(jobId, id -> new CompletableFuture<>()).complete(now);
                        }
                        listener.accept(new Update(connection, jobId, status, now));
                    }
                    case "ping" -> socket.writeTextMessage(new JsonObject().put("type", "pong").encode());
                    default -> {
                    }
                }
            });
            socket.writeTextMessage(new JsonObject().put("type", "connection_init").put("payload", new JsonObject()).encode());
            subscribed.get(10, TimeUnit.SECONDS);
            sockets.add(socket);
        }
    }

    /** Completes with the arrival time of the job's first terminal event. */
    public CompletableFuture<Long> terminal(String jobId) {
        return terminal.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        sockets.forEach(WebSocket::close);
        client.close();
        vertx.close();
    }
}
