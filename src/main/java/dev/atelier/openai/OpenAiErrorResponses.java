package dev.atelier.openai;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.routing.RoutingFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Atelier's error codes in OpenAI's error shape: {"error": {"message", "type", "param", "code"}}. */
final class OpenAiErrorResponses {

    private OpenAiErrorResponses() {
    }

    static void send(RoutingContext ctx, AtelierException e) {
        send(ctx, e.code(), e.getMessage(), 0);
    }

    static void send(RoutingContext ctx, RoutingFailure f) {
        send(ctx, f.code(), f.getMessage(), f.retryAfterMs());
    }

    /** 415: the body is not JSON (OpenAI's SDKs always send application/json; a cross-site form never can). */
    static void unsupportedMediaType(RoutingContext ctx) {
        JsonObject error = new JsonObject().put("message", "Send the request as JSON with Content-Type: application/json")
                .put("type", "invalid_request_error").putNull("param").put("code", "unsupported_media_type");
        ctx.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", error).encode());
    }

    private static void send(RoutingContext ctx, ErrorCode code, String message, long retryAfterMs) {
        int status;
        String type;
        String openAiCode;
        switch (code) {
            case BAD_USER_INPUT -> { status = 400; type = "invalid_request_error"; openAiCode = null; }
            case CONTENT_POLICY -> { status = 400; type = "invalid_request_error"; openAiCode = "content_policy_violation"; }
            case UNAUTHENTICATED -> { status = 401; type = "invalid_request_error"; openAiCode = "invalid_api_key"; }
            case FORBIDDEN -> { status = 403; type = "invalid_request_error"; openAiCode = null; }
            case NOT_FOUND -> { status = 404; type = "invalid_request_error"; openAiCode = null; }
            case BUDGET_EXCEEDED -> { status = 429; type = "insufficient_quota"; openAiCode = "insufficient_quota"; }
            case RATE_LIMITED -> { status = 429; type = "requests"; openAiCode = "rate_limit_exceeded"; }
            case PROVIDER_UNAVAILABLE -> { status = 503; type = "server_error"; openAiCode = "provider_unavailable"; }
            default -> { status = 500; type = "server_error"; openAiCode = null; }
        }
        if (retryAfterMs > 0) {
            ctx.response().putHeader("retry-after-ms", Long.toString(retryAfterMs))
                    .putHeader("retry-after", Long.toString((retryAfterMs + 999) / 1000));
        }
        JsonObject error = new JsonObject().put("message", message).put("type", type).putNull("param")
                .put("code", openAiCode);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", error).encode());
    }
}
