package dev.atelier.common.graphql;

import java.util.List;
import java.util.Map;

import dev.atelier.common.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * A refusal on the GraphQL endpoint before the engine runs, in the GraphQL error shape ({@code errors[0].message},
 * {@code extensions.code}) and the media type the caller accepts.
 */
public final class CodedAnswer {

    private CodedAnswer() {
    }

    public static void send(RoutingContext ctx, int status, ErrorCode code, String message) {
        Map<String, Object> error = Map.of("message", message, "extensions", Map.of("code", code.name()));
        GraphQLMediaType type = GraphQLMediaType.accepted(ctx.request().getHeader(HttpHeaders.ACCEPT));
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, type.value + "; charset=UTF-8")
                .end(Json.encode(Map.of("errors", List.of(error))));
    }
}
