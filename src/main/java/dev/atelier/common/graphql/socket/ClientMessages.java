package dev.atelier.common.graphql.socket;

import java.util.Optional;
import java.util.Set;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * What a client may send on the GraphQL WebSocket, checked before SmallRye GraphQL reads it: SmallRye trusts the shape
 * (it casts {@code payload} to a map, throws on an unknown {@code type}) and a malformed message left the socket
 * hanging. A message that breaks these rules closes the socket with 4400, as graphql-transport-ws asks.
 *
 * <p>
 * The shapes are those of graphql-ws' PROTOCOL.md (graphql-transport-ws): {@code connection_init}, {@code ping} and
 * {@code pong} with an optional object payload, {@code subscribe} with an id and a payload holding the query,
 * {@code complete} with an id. Messages only a server sends ({@code connection_ack}, {@code next}, {@code error}) are
 * refused from a client, as the reference server does. The older subscriptions-transport-ws protocol ("graphql-ws")
 * gets the same treatment with its own message names.
 */
final class ClientMessages {

    /** The GraphQL-over-WebSocket protocols SmallRye speaks, by their {@code Sec-WebSocket-Protocol} names. */
    enum Protocol {
        TRANSPORT_WS("graphql-transport-ws", "connection_init", Set.of("ping", "pong"), "subscribe", "complete"),
        LEGACY_WS("graphql-ws", "connection_init", Set.of("connection_terminate"), "start", "stop");

        final String wireName;
        final String init;
        final Set<String> plain;
        final String start;
        final String stop;

        Protocol(String wireName, String init, Set<String> plain, String start, String stop) {
            this.wireName = wireName;
            this.init = init;
            this.plain = plain;
            this.start = start;
            this.stop = stop;
        }

        static Optional<Protocol> named(String name) {
            for (Protocol protocol : values()) {
                if (protocol.wireName.equals(name)) {
                    return Optional.of(protocol);
                }
            }
            return Optional.empty();
        }
    }

    /** Longest operation id accepted: it is echoed in close reasons, which must fit in 123 bytes. */
    static final int MAX_ID_LENGTH = 64;

    /** What one message turned out to be. */
    record Verdict(boolean init, String problem) {
        static final Verdict FINE = new Verdict(false, null);
        static final Verdict INIT = new Verdict(true, null);

        boolean valid() {
            return problem == null;
        }

        static Verdict invalid(String problem) {
            return new Verdict(false, problem);
        }
    }

    private final Protocol protocol;
    private final String authorizationField;

    /**
     * @param authorizationField the {@code connection_init} payload field that carries a token (browsers cannot set
     *        headers on a WebSocket); when present it must be text
     */
    ClientMessages(Protocol protocol, String authorizationField) {
        this.protocol = protocol;
        this.authorizationField = authorizationField;
    }

    Verdict check(String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return Verdict.invalid("Invalid message received: not a JSON object");
        }
        if (!(message.getValue("type") instanceof String type)) {
            return Verdict.invalid("Invalid message received: no type");
        }
        if (type.equals(protocol.init)) {
            Object payload = message.getValue("payload");
            if (payload != null && !(payload instanceof JsonObject)) {
                return Verdict.invalid("Invalid message received: the connection_init payload is not an object");
            }
            if (payload instanceof JsonObject init && authorizationField != null
                    && init.getValue(authorizationField) != null && !(init.getValue(authorizationField) instanceof String)) {
                return Verdict.invalid("Invalid message received: " + authorizationField + " is not text");
            }
            return Verdict.INIT;
        }
        if (protocol.plain.contains(type)) {
            return optionalObject(message, "payload", type);
        }
        if (type.equals(protocol.start)) {
            String problem = idProblem(message, type);
            if (problem != null) {
                return Verdict.invalid(problem);
            }
            if (!(message.getValue("payload") instanceof JsonObject payload)) {
                return Verdict.invalid("Invalid message received: " + type + " needs an object payload");
            }
            return operation(payload, type);
        }
        if (type.equals(protocol.stop)) {
            String problem = idProblem(message, type);
            return problem == null ? Verdict.FINE : Verdict.invalid(problem);
        }
        return Verdict.invalid("Invalid message received: a client does not send " + shortened(type));
    }

    private static Verdict operation(JsonObject payload, String type) {
        if (!(payload.getValue("query") instanceof String)) {
            return Verdict.invalid("Invalid message received: " + type + " needs a query");
        }
        Object name = payload.getValue("operationName");
        if (name != null && !(name instanceof String)) {
            return Verdict.invalid("Invalid message received: operationName is not text");
        }
        for (String field : new String[] { "variables", "extensions" }) {
            Verdict verdict = optionalObject(payload, field, type);
            if (!verdict.valid()) {
                return verdict;
            }
        }
        return Verdict.FINE;
    }

    private static Verdict optionalObject(JsonObject message, String field, String type) {
        Object value = message.getValue(field);
        return value == null || value instanceof JsonObject ? Verdict.FINE
                : Verdict.invalid("Invalid message received: the " + type + " " + field + " is not an object");
    }

    private static String idProblem(JsonObject message, String type) {
        if (!(message.getValue("id") instanceof String id) || id.isEmpty()) {
            return "Invalid message received: " + type + " needs an id";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "Invalid message received: ids are at most " + MAX_ID_LENGTH + " characters";
        }
        return null;
    }

    /** A client-chosen word in a close reason: short and printable. */
    private static String shortened(String type) {
        String printable = type.replaceAll("[^\\w-]", "?");
        return printable.length() > 24 ? printable.substring(0, 24) + "..." : printable;
    }
}
