package dev.atelier.common.graphql.socket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The GraphQL WebSocket answers a client that breaks graphql-transport-ws with the protocol's close codes (4400
 * invalid message, 4408 no connection_init in time, 1009 too big), with a short reason a person can read and no Java
 * names, and runs nothing it was sent in a broken message. A well-formed session still works on the same server.
 */
@QuarkusTest
class SocketProtocolTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final String INIT = "{\"type\": \"connection_init\", \"payload\": {}}";
    private static final String CREATE = "mutation { createCollection(name: \\\"over the socket\\\") { id } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Pool pool;

    @AfterAll
    static void stop() {
        VERTX.close();
    }

    /** One raw socket: what it received and how it was closed. */
    private final class Session {
        final WebSocket socket;
        final List<String> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        Session(String protocol) throws Exception {
            HttpClient client = VERTX.createHttpClient();
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphql.getHost())
                    .setPort(graphql.getPort()).setURI(graphql.getPath()).addSubProtocol(protocol);
            socket = client.webSocket(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(received::add);
            socket.closeHandler(v -> closed.complete(socket.closeStatusCode() + " " + socket.closeReason()));
        }

        Session send(String text) {
            socket.writeTextMessage(text);
            return this;
        }

        String awaitClose() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }

        void awaitAck() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.stream().noneMatch(m -> m.contains("connection_ack"))) {
                assertThat(System.nanoTime()).as("connection_ack in time; received " + received).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private Session transportWs() throws Exception {
        return new Session("graphql-transport-ws");
    }

    private static void assertInvalid(String close, String says) {
        assertThat(close).startsWith("4400 ").contains(says).doesNotContain("Exception").doesNotContain("jakarta")
                .doesNotContain("java.");
        assertThat(close.substring(5).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
    }

    @Test
    void malformedConnectionInitClosesWith4400() throws Exception {
        assertInvalid(transportWs().send("{\"type\": \"connection_init\", \"payload\": \"let me in\"}").awaitClose(),
                "payload is not an object");
        assertInvalid(transportWs().send("{\"type\": \"connection_init\", \"payload\": [1, 2]}").awaitClose(),
                "payload is not an object");
        assertInvalid(transportWs().send("{\"type\": \"connection_init\", \"payload\": {\"Authorization\": 42}}")
                .awaitClose(), "Authorization is not text");
        assertInvalid(transportWs().send("{\"type\": \"connection_init\", \"payload\": {\"a\": ").awaitClose(),
                "not a JSON object");
        assertInvalid(transportWs().send("[\"connection_init\"]").awaitClose(), "not a JSON object");
        assertInvalid(transportWs().send("{\"type\": 7}").awaitClose(), "no type");
        assertInvalid(transportWs().send("{\"payload\": {}}").awaitClose(), "no type");
    }

    @Test
    void messagesAClientDoesNotSendCloseWith4400() throws Exception {
        assertInvalid(transportWs().send("{\"type\": \"hello\"}").awaitClose(), "does not send hello");
        assertInvalid(transportWs().send(INIT).send("{\"type\": \"next\", \"id\": \"1\", \"payload\": {}}")
                .awaitClose(), "does not send next");
        assertInvalid(transportWs().send("{\"type\": \"" + "x".repeat(500) + "\"}").awaitClose(), "does not send");
        assertInvalid(transportWs().send(INIT).send("{\"type\": \"ping\", \"payload\": 3}").awaitClose(),
                "ping payload is not an object");
        Session binary = transportWs();
        binary.socket.writeBinaryMessage(Buffer.buffer(INIT));
        assertInvalid(binary.awaitClose(), "JSON text");
    }

    @Test
    void brokenSubscribeClosesWith4400AndRunsNothing() throws Exception {
        long before = collections();
        String ok = "{\"query\": \"" + CREATE + "\"}";
        assertInvalid(session().send("{\"type\": \"subscribe\", \"payload\": " + ok + "}").awaitClose(), "needs an id");
        assertInvalid(session().send("{\"type\": \"subscribe\", \"id\": \"\", \"payload\": " + ok + "}").awaitClose(),
                "needs an id");
        assertInvalid(session().send("{\"type\": \"subscribe\", \"id\": 1, \"payload\": " + ok + "}").awaitClose(),
                "needs an id");
        assertInvalid(session().send("{\"type\": \"subscribe\", \"id\": \"" + "7".repeat(65) + "\", \"payload\": " + ok
                + "}").awaitClose(), "at most 64");
        assertInvalid(session().send("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": \"" + CREATE + "\"}")
                .awaitClose(), "needs an object payload");
        assertInvalid(session().send("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": 5}}")
                .awaitClose(), "needs a query");
        assertInvalid(session().send("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"" + CREATE
                + "\", \"variables\": \"x\"}}").awaitClose(), "variables is not an object");
        assertInvalid(session().send("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"" + CREATE
                + "\", \"operationName\": []}}").awaitClose(), "operationName is not text");
        assertInvalid(session().send("{\"type\": \"complete\"}").awaitClose(), "complete needs an id");
        assertThat(collections()).as("nothing a broken message asked for ran").isEqualTo(before);
    }

    @Test
    void aNullPayloadIsNoPayload() throws Exception {
        Session session = transportWs().send("{\"type\": \"connection_init\", \"payload\": null}");
        session.awaitAck();
        session.send("{\"type\": \"subscribe\", \"id\": \"n\", \"payload\": {\"query\": \"{ me { id } }\", "
                + "\"variables\": null, \"operationName\": null, \"extensions\": null}}");
        awaitMessage(session, "\"complete\"");
        assertThat(session.received).anySatisfy(m -> assertThat(m).contains("\"me\""));
        session.socket.close();
    }

    @Test
    void jsonIsStrictAndIdsAreText() throws Exception {
        assertInvalid(transportWs().send("/* hi */ {\"type\": \"connection_init\"}").awaitClose(), "not a JSON object");
        assertInvalid(transportWs().send("{\"type\": \"connection_init\"} trailing").awaitClose(), "not a JSON object");
        assertInvalid(transportWs().send("{\"type\": \"connection_init\", \"type\": \"ping\"}").awaitClose(),
                "not a JSON object");
        assertInvalid(session().send("{\"type\": \"subscribe\", \"id\": \"\\ud800\", \"payload\": {\"query\": "
                + "\"{ me { id } }\"}}").awaitClose(), "unpaired surrogates");
    }

    @Test
    void aSingleLargeFrameWithinTheLimitWorksAndOneOverItGets1009() throws Exception {
        Session session = session();
        String pad = "x".repeat(100_000); // over Vert.x' default 64 KiB frame, under the 125 KiB message limit
        session.socket.writeFrame(WebSocketFrame.textFrame("{\"type\": \"subscribe\", \"id\": \"big\", \"payload\": "
                + "{\"query\": \"{ me { id } }\", \"variables\": {\"pad\": \"" + pad + "\"}}}", true));
        awaitMessage(session, "\"complete\"");
        session.socket.writeFrame(WebSocketFrame.textFrame("{\"type\": \"ping\", \"payload\": {\"pad\": \""
                + "y".repeat(200_000) + "\"}}", true));
        assertThat(session.awaitClose()).startsWith("1009 Message too big");
    }

    @Test
    void theLegacyTerminateEndsTheConnection() throws Exception {
        Session legacy = new Session("graphql-ws").send(INIT);
        legacy.awaitAck();
        assertThat(legacy.send("{\"type\": \"connection_terminate\"}").awaitClose()).startsWith("1000");
    }

    @Test
    void anUpgradeWithoutAGraphQLProtocolIsRefusedInWords() {
        for (String offered : new String[] { null, "foo", "chat, superchat" }) {
            var request = given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                    .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
            if (offered != null) {
                request = request.header("Sec-WebSocket-Protocol", offered);
            }
            var answer = request.get("/graphql");
            assertThat(answer.statusCode()).as("offered " + offered).isEqualTo(400);
            assertThat(answer.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
            assertThat(answer.jsonPath().getString("errors[0].message")).contains("graphql-transport-ws");
        }
    }

    @Test
    void reservedBitsWithoutAnExtensionCloseWith1002() throws Exception {
        try (RawSocket raw = new RawSocket(graphql)) {
            raw.text(INIT, 0);
            raw.text("{\"type\": \"subscribe\", \"id\": \"r\", \"payload\": {\"query\": \"" + CREATE + "\"}}",
                    0x40); // RSV1 set, no permessage-deflate negotiated
            assertThat(raw.closeCode()).isEqualTo(1002);
        }
    }

    private static void awaitMessage(Session session, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (session.received.stream().noneMatch(m -> m.contains(containing))) {
            assertThat(System.nanoTime()).as("a message with " + containing + "; received " + session.received)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aSocketThatNeverSaysHelloIsClosedWith4408() throws Exception {
        // %test.atelier.graphql.socket-init-timeout is 2 s
        assertThat(transportWs().awaitClose()).isEqualTo("4408 Connection initialisation timeout");
    }

    @Test
    void anOversizedMessageClosesWith1009() throws Exception {
        Session big = session();
        big.send("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ me { id } }\", \"variables\": "
                + "{\"pad\": \"" + "x".repeat(200_000) + "\"}}}");
        assertThat(big.awaitClose()).startsWith("1009 Message too big");
    }

    @Test
    void aFragmentedWellFormedMessageStillWorks() throws Exception {
        Session session = session();
        String subscribe = "{\"type\": \"subscribe\", \"id\": \"a\", \"payload\": {\"query\": \"" + CREATE + "\"}}";
        int half = subscribe.length() / 2;
        session.socket.writeFrame(WebSocketFrame.textFrame(subscribe.substring(0, half), false));
        session.socket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(subscribe.substring(half)), true));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (session.received.stream().noneMatch(m -> m.contains("\"complete\""))) {
            assertThat(System.nanoTime()).as("the operation completes; received " + session.received)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(session.received).anySatisfy(m -> assertThat(m).contains("createCollection"));
        assertThat(session.closed).isNotDone();
        session.socket.close();
    }

    @Test
    void theLegacyProtocolIsCheckedToo() throws Exception {
        assertInvalid(new Session("graphql-ws").send("{\"type\": \"connection_init\", \"payload\": \"x\"}")
                .awaitClose(), "payload is not an object");
        assertInvalid(new Session("graphql-ws").send(INIT).send("{\"type\": \"subscribe\", \"id\": \"1\"}")
                .awaitClose(), "does not send subscribe");
    }

    @Test
    void secondInitAndReusedIdsKeepSmallRyesCodes() throws Exception {
        Session twice = session();
        assertThat(twice.send(INIT).awaitClose()).isEqualTo("4429 Too many initialisation requests");
        Session early = transportWs();
        assertThat(early.send("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ me { id } }\"}}")
                .awaitClose()).isEqualTo("4401 Unauthorized");
    }

    /** A socket past its connection_ack. */
    private Session session() throws Exception {
        Session session = transportWs().send(INIT);
        session.awaitAck();
        return session;
    }

    private long collections() {
        return pool.query("select count(*) as n from collections").execute().await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong("n");
    }
}
