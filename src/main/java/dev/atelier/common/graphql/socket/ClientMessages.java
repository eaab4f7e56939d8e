package dev.atelier.common.graphql.socket;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

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

    /** JSON as the protocol means it: no comments, nothing after the object, no key twice. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** Longest operation id accepted: it is echoed in close reasons, which must fit in 123 bytes. */
    static final int MAX_ID_LENGTH = 64;

    /** What a well-formed message asks for, as far as the socket is concerned. */
    enum Kind {
        INIT, TERMINATE, OTHER
    }

    /**
     * What one message turned out to be: its problem, or its kind and the text to hand on - the message written
     * again as strict JSON (no comments), without the {@code null} fields SmallRye would cast to a map.
     */
    record Verdict(Kind kind, String problem, String text) {

        boolean valid() {
            return problem == null;
        }

        static Verdict invalid(String problem) {
            return new Verdict(Kind.OTHER, problem, null);
        }

        static Verdict of(Kind kind, JsonObject message) {
            return new Verdict(kind, null, message.encode());
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
            message = new JsonObject(STRICT.readValue(text, MAP));
        } catch (IOException | RuntimeException e) {
            return Verdict.invalid("Invalid message received: not a JSON object");
        }
        if (!(message.getValue("type") instanceof String type)) {
            return Verdict.invalid("Invalid message received: no type");
        }
        if (type.equals(protocol.init)) {
            String problem = objectOrAbsent(message, "payload", type);
            if (problem == null && message.getValue("payload") instanceof JsonObject init && authorizationField != null
                    && init.getValue(authorizationField) != null && !(init.getValue(authorizationField) instanceof String)) {
                problem = "Invalid message received: " + authorizationField + " is not text";
            }
            return problem == null ? Verdict.of(Kind.INIT, message) : Verdict.invalid(problem);
        }
        if (protocol.plain.contains(type)) {
            String problem = objectOrAbsent(message, "payload", type);
            return problem != null ? Verdict.invalid(problem)
                    : Verdict.of(type.equals("connection_terminate") ? Kind.TERMINATE : Kind.OTHER, message);
        }
        if (type.equals(protocol.start)) {
            String problem = idProblem(message, type);
            if (problem == null && !(message.getValue("payload") instanceof JsonObject)) {
                problem = "Invalid message received: " + type + " needs an object payload";
            }
            if (problem == null) {
                problem = operationProblem(message.getJsonObject("payload"), type);
            }
            return problem == null ? Verdict.of(Kind.OTHER, message) : Verdict.invalid(problem);
        }
        if (type.equals(protocol.stop)) {
            String problem = idProblem(message, type);
            return problem == null ? Verdict.of(Kind.OTHER, message) : Verdict.invalid(problem);
        }
        return Verdict.invalid("Invalid message received: a client does not send " + shortened(type));
    }

    private static String operationProblem(JsonObject payload, String type) {
        if (!(payload.getValue("query") instanceof String)) {
            return "Invalid message received: " + type + " needs a query";
        }
        if (payload.containsKey("operationName") && payload.getValue("operationName") == null) {
            payload.remove("operationName");
        }
        Object name = payload.getValue("operationName");
        if (name != null && !(name instanceof String)) {
            return "Invalid message received: operationName is not text";
        }
        String problem = objectOrAbsent(payload, "variables", type);
        return problem != null ? problem : objectOrAbsent(payload, "extensions", type);
    }

    /** An optional object field; a {@code null} one is dropped (SmallRye would cast it to a map and fail). */
    private static String objectOrAbsent(JsonObject message, String field, String type) {
        if (message.containsKey(field) && message.getValue(field) == null) {
            message.remove(field);
        }
        Object value = message.getValue(field);
        return value == null || value instanceof JsonObject ? null
                : "Invalid message received: the " + type + " " + field + " is not an object";
    }

    private static String idProblem(JsonObject message, String type) {
        if (!(message.getValue("id") instanceof String id) || id.isEmpty()) {
            return "Invalid message received: " + type + " needs an id";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "Invalid message received: ids are at most " + MAX_ID_LENGTH + " characters";
        }
        if (!wellFormed(id)) {
            return "Invalid message received: an id must be valid text (no unpaired surrogates)";
        }
        return null;
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A client-chosen word in a close reason: short and printable. */
    private static String shortened(String type) {
        String printable = type.replaceAll("[^\\w-]", "?");
        return printable.length() > 24 ? printable.substring(0, 24) + "..." : printable;
    }
}
