package dev.atelier.common.graphql;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.atelier.common.error.ErrorCode;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers requests that never reach the GraphQL engine - a body that is not JSON, a missing query, a query that
 * does not parse, an oversized body - with the same coded error shape as every other error, instead of the
 * engine's uncoded "Unparseable request". Valid requests pass straight through.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    private final GraphQLLimitsConfig limits;
    private final DocumentCache documents;

    GraphQLRequestGuard(GraphQLLimitsConfig limits, DocumentCache documents) {
        this.limits = limits;
        this.documents = documents;
    }

    void install(@Observes Router router) {
        // JSON escaping can triple a query's size; anything larger cannot hold an acceptable query
        long bodyLimit = Math.max(64 * 1024L, 3L * limits.maxQueryLength() + 64 * 1024L);
        router.post("/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(bodyLimit))
                .handler(this::check);
        // a bad token fails the request in authentication, before the engine: answer it in the GraphQL shape
        router.route("/graphql").order(-200).failureHandler(GraphQLRequestGuard::authenticationFailed);
    }

    /** An expired, wrong-issuer or forged token: UNAUTHENTICATED in the GraphQL error shape (HTTP 401). */
    private static void authenticationFailed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof io.quarkus.security.AuthenticationFailedException
                || failure instanceof io.quarkus.security.UnauthorizedException) {
            unauthenticated(ctx);
            return;
        }
        ctx.next();
    }

    private void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            ctx.next();
            return;
        }
        String body = ctx.body().asString();
        if (body == null || body.isBlank()) {
            reject(ctx, "The request body is empty; send {\"query\": \"...\"}");
            return;
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(body);
        } catch (DecodeException e) {
            reject(ctx, "The request body is not valid JSON");
            return;
        }
        if (!(parsed instanceof JsonObject request)) {
            reject(ctx, "The request body must be a JSON object with a \"query\" string");
            return;
        }
        Object query = request.getValue("query");
        if (!(query instanceof String text) || text.isBlank()) {
            reject(ctx, "The request has no GraphQL query string");
            return;
        }
        if (text.length() > limits.maxQueryLength()) {
            reject(ctx, "The query is " + text.length() + " characters long; the limit is " + limits.maxQueryLength());
            return;
        }
        if (!documents.contains(text)) {
            try {
                Parser.parse(text);
            } catch (InvalidSyntaxException e) {
                reject(ctx, e.getMessage());
                return;
            } catch (RuntimeException e) {
                reject(ctx, "The query could not be parsed");
                return;
            }
        }
        ctx.next();
    }

    private static void unauthenticated(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            answer(ctx, 401, ErrorCode.UNAUTHENTICATED, "Sign in first: the request carries no valid access token");
        }
    }

    private static void reject(RoutingContext ctx, String message) {
        answer(ctx, 400, ErrorCode.BAD_USER_INPUT, message);
    }

    /** One coded error in the GraphQL response shape, for requests the engine never sees. */
    private static void answer(RoutingContext ctx, int status, ErrorCode code, String message) {
        Map<String, Object> error = Map.of("message", message, "extensions", Map.of("code", code.name()));
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .end(Json.encode(Map.of("errors", List.of(error))));
    }
}
