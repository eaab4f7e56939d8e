package dev.atelier.common.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.atelier.common.error.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/**
 * The GraphQL-over-HTTP rules of {@code /graphql}, before the engine sees a request: a POST must carry a JSON body
 * ({@code application/json} or {@code application/graphql-response+json}; anything else - a form, {@code text/plain},
 * no type - is 415, so no page of another site can send an operation without a CORS preflight); a GET may only run a
 * query. A body that is not a JSON object, or a missing or non-string query, a bad {@code operationName},
 * {@code variables} or {@code extensions}, is answered 400 with one coded error in the GraphQL shape; a query that does
 * not parse or is too long - like any document the engine refuses - 200 under {@code application/json}, 400 under
 * {@code application/graphql-response+json} ({@link GraphQLMediaType}). A missing Accept or {@code *}{@code /*} is answered as {@code application/json}.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    /** Set on the request's context by {@link CodedErrorsInstrumentation} when the engine refused the operation. */
    static final String REQUEST_ERROR = "atelier.graphql.request-error";

    private final GraphQLLimitsConfig limits;
    private final DocumentCache documents;

    GraphQLRequestGuard(GraphQLLimitsConfig limits, DocumentCache documents) {
        this.limits = limits;
        this.documents = documents;
    }

    void install(@Observes Router router) {
        long bodyLimit = limits.bodyLimit();
        router.post("/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(bodyLimit))
                .handler(this::checkPost)
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        answer(ctx, 413, ErrorCode.BAD_USER_INPUT, "The request body is larger than " + bodyLimit
                                + " bytes");
                    } else {
                        ctx.next();
                    }
                });
        router.get("/graphql").order(-100).handler(this::checkGet);
        if (!limits.introspection()) {
            router.get("/graphql/schema.graphql").order(-100).handler(ctx -> ctx.response().setStatusCode(404).end());
        }
        // a bad token fails the request in authentication, before the engine: answer it in the GraphQL shape
        router.route("/graphql").order(-200).failureHandler(GraphQLRequestGuard::authenticationFailed);
    }

    /** An expired, wrong-issuer or forged token: UNAUTHENTICATED in the GraphQL error shape (HTTP 401). */
    private static void authenticationFailed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException) {
            unauthenticated(ctx);
            return;
        }
        ctx.next();
    }

    /** Pins the response type and turns an engine-refused operation into 400 under graphql-response+json. */
    private static GraphQLMediaType negotiate(RoutingContext ctx) {
        GraphQLMediaType type = GraphQLMediaType.accepted(ctx.request().getHeader(HttpHeaders.ACCEPT));
        ctx.request().headers().set(HttpHeaders.ACCEPT, type.value);
        if (type == GraphQLMediaType.GRAPHQL_RESPONSE) {
            ctx.addHeadersEndHandler(ignored -> {
                if (Boolean.TRUE.equals(ContextLocals.get(REQUEST_ERROR, null))
                        && ctx.response().getStatusCode() == 200) {
                    ctx.response().setStatusCode(400);
                }
            });
        }
        return type;
    }

    private void checkGet(RoutingContext ctx) {
        if ("websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
            ctx.next();
            return;
        }
        GraphQLMediaType type = negotiate(ctx);
        String query = ctx.request().getParam("query");
        if (query == null) {
            ctx.next();
            return;
        }
        Parsed parsed = parse(query);
        if (parsed.problem() != null) {
            reject(ctx, type, parsed.problem());
            return;
        }
        OperationDefinition.Operation operation = operationOf(parsed.document(), ctx.request().getParam("operationName"));
        if (operation != null && operation != OperationDefinition.Operation.QUERY) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            answer(ctx, 405, ErrorCode.BAD_USER_INPUT, "A " + operation.name().toLowerCase() + " cannot be sent with GET; "
                    + "use POST with a JSON body");
            return;
        }
        ctx.next();
    }

    /** The type of the operation a GET would run (null when the document does not name one the engine would pick). */
    private static OperationDefinition.Operation operationOf(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition op : operations) {
            if (operations.size() == 1 || (operationName != null && operationName.equals(op.getName()))) {
                return op.getOperation();
            }
        }
        // several operations and no (matching) name: refuse unless all of them are queries
        return operations.stream().map(OperationDefinition::getOperation)
                .filter(o -> o != OperationDefinition.Operation.QUERY).findFirst().orElse(null);
    }

    private void checkPost(RoutingContext ctx) {
        GraphQLMediaType type = negotiate(ctx);
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (!GraphQLMediaType.readable(contentType)) {
            answer(ctx, 415, ErrorCode.BAD_USER_INPUT, (contentType == null ? "The request has no Content-Type"
                    : "Content-Type " + printable(contentType) + " is not accepted")
                    + "; send the operation as JSON with Content-Type: application/json");
            return;
        }
        String body = ctx.body().asString();
        if (body == null || body.isBlank()) {
            malformed(ctx, "The request body is empty; send {\"query\": \"...\"}");
            return;
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(body);
        } catch (DecodeException e) {
            malformed(ctx, "The request body is not valid JSON");
            return;
        }
        if (!(parsed instanceof JsonObject request)) {
            malformed(ctx, "The request body must be a JSON object with a \"query\" string");
            return;
        }
        String problem = parameterProblem(request);
        if (problem != null) {
            malformed(ctx, problem);
            return;
        }
        String text = request.getString("query");
        if (text.length() > limits.maxQueryLength()) {
            reject(ctx, type, "The query is " + text.length() + " characters long; the limit is " + limits.maxQueryLength());
            return;
        }
        String syntax = documents.contains(text) ? null : parse(text).problem();
        if (syntax != null) {
            reject(ctx, type, syntax);
            return;
        }
        // the engine reads application/json only; graphql-response+json bodies are the same JSON
        ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, GraphQLMediaType.JSON.value);
        ctx.next();
    }

    /** A parsed document, or why the text is not one. */
    private record Parsed(Document document, String problem) {
    }

    private static Parsed parse(String text) {
        try {
            return new Parsed(Parser.parse(text), null);
        } catch (InvalidSyntaxException e) {
            return new Parsed(null, e.getMessage());
        } catch (RuntimeException e) {
            return new Parsed(null, "The query could not be parsed");
        }
    }

    /** What is wrong with the request's parameters, or null. */
    private String parameterProblem(JsonObject request) {
        Object query = request.getValue("query");
        if (!(query instanceof String text) || text.isBlank()) {
            return "The request has no GraphQL query string";
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return "operationName must be a string or null";
        }
        for (String map : List.of("variables", "extensions")) {
            Object value = request.getValue(map);
            if (value != null && !(value instanceof JsonObject)) {
                return map + " must be a JSON object or null";
            }
        }
        return null;
    }

    private static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static void unauthenticated(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            answer(ctx, 401, ErrorCode.UNAUTHENTICATED, "Sign in first: the request carries no valid access token");
        }
    }

    /** Not a GraphQL request at all (no JSON object, parameters of the wrong type): 400 whatever the Accept. */
    private static void malformed(RoutingContext ctx, String message) {
        answer(ctx, 400, ErrorCode.BAD_USER_INPUT, message);
    }

    /** A GraphQL request whose document cannot run: status by media type. */
    private static void reject(RoutingContext ctx, GraphQLMediaType type, String message) {
        answer(ctx, type.requestErrorStatus(), ErrorCode.BAD_USER_INPUT, message);
    }

    /** One coded error in the GraphQL response shape, for requests the engine never sees. */
    private static void answer(RoutingContext ctx, int status, ErrorCode code, String message) {
        CodedAnswer.send(ctx, status, code, message);
    }
}
