package dev.atelier.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * A minimal graphql-transport-ws client (the protocol of the graphql-ws npm package): connection_init, wait for
 * connection_ack, subscribe, collect every "next" payload until "complete" or "error".
 */
public final class GraphQLWsClient implements AutoCloseable {

    /** What one subscription received. */
    public record Result(List<JsonObject> next, List<Object> errors, boolean completed) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.createHttpClient();
    private final WebSocket socket;
    private final CompletableFuture<Void> acked = new CompletableFuture<>();
    private final List<JsonObject> next = new CopyOnWriteArrayList<>();
    private final List<Object> errors = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();

    public GraphQLWsClient(URI graphql) throws Exception {
        this(graphql, null);
    }

    /** Connects with a bearer token on the upgrade request (null: anonymous). */
    public GraphQLWsClient(URI graphql, String token) throws Exception {
        this(graphql, token, new JsonObject());
    }

    /** Connects as a browser does: no header, the token (if any) in the connection_init payload. */
    public static GraphQLWsClient withInitPayload(URI graphql, JsonObject payload) throws Exception {
        return new GraphQLWsClient(graphql, null, payload);
    }

    private GraphQLWsClient(URI graphql, String token, JsonObject initPayload) throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(graphql.getHost()).setPort(graphql.getPort()).setURI(graphql.getPath())
                .addSubProtocol("graphql-transport-ws");
        if (token != null) {
            options.addHeader("Authorization", "Bearer " + token);
        }
        socket = client.webSocket(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            switch (message.getString("type")) {
                case "connection_ack" -> acked.complete(null);
                case "next" -> next.add(message.getJsonObject("payload"));
                case "error" -> {
                    errors.add(message.getValue("payload"));
                    done.complete(false);
                }
                case "complete" -> done.complete(true);
                case "ping" -> socket.writeTextMessage(new JsonObject().put("type", "pong").encode());
                default -> {
                }
            }
        });
        socket.writeTextMessage(new JsonObject().put("type", "connection_init").put("payload", initPayload).encode());
        acked.get(10, TimeUnit.SECONDS);
    }

    public void subscribe(String query, Map<String, Object> variables) {
        socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query).put("variables", new JsonObject(variables))).encode());
    }

    /** Waits for the subscription to end (complete or error). */
    public Result await(Duration timeout) throws Exception {
        boolean completed = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Result(List.copyOf(next), List.copyOf(errors), completed);
    }

    /** Items received so far. */
    public List<JsonObject> received() {
        return List.copyOf(next);
    }

    @Override
    public void close() {
        socket.close();
        vertx.close();
    }
}
