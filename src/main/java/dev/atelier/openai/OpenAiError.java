package dev.atelier.openai;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.atelier.common.error.ErrorCode;

/**
 * Atelier's error codes in OpenAI's error shape, {@code {"error": {"message", "type", "param", "code"}}}, with the
 * status OpenAI uses for each (developers.openai.com, "Error codes"), so OpenAI's SDKs raise their own typed errors.
 */
public record OpenAiError(Body error) {

    public record Body(String message, String type, String param, String code) {
    }

    /** The answer for one of Atelier's codes; {@code retryAfterMs} > 0 adds OpenAI's retry headers. */
    static RestResponse<OpenAiError> of(ErrorCode code, String message, long retryAfterMs) {
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
        return answer(status, new Body(message, type, null, openAiCode), retryAfterMs);
    }

    /** 415: the body is not JSON (OpenAI's SDKs always send application/json; a cross-site form never can). */
    static RestResponse<OpenAiError> unsupportedMediaType() {
        return answer(415, new Body("Send the request as JSON with Content-Type: application/json",
                "invalid_request_error", null, "unsupported_media_type"), 0);
    }

    private static RestResponse<OpenAiError> answer(int status, Body body, long retryAfterMs) {
        RestResponse.ResponseBuilder<OpenAiError> answer = RestResponse.ResponseBuilder
                .create(RestResponse.Status.fromStatusCode(status), new OpenAiError(body))
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (retryAfterMs > 0) {
            answer.header("retry-after-ms", Long.toString(retryAfterMs))
                    .header("retry-after", Long.toString((retryAfterMs + 999) / 1000));
        }
        return answer.build();
    }
}
