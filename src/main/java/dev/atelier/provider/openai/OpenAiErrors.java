package dev.atelier.provider.openai;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atelier.provider.HttpErrors;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.VendorHttpError;

/** OpenAI's error shape {@code {"error": {"message", "type", "param", "code"}}} mapped onto the taxonomy. */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    static ProviderException classify(VendorHttpError response, JsonNode body, Duration maxRetryWait) {
        int status = response.status();
        JsonNode error = body == null ? null : body.path("error");
        String code = error == null ? "" : error.path("code").asText("");
        String type = error == null ? "" : error.path("type").asText("");
        String message = "OpenAI: " + HttpErrors.safe(error == null ? null : error.path("message").asText(null));
        ProviderErrorKind kind;
        if (code.equals("content_policy_violation") || code.equals("moderation_blocked")
                || (type.equals("image_generation_user_error") && code.contains("moderation"))) {
            kind = ProviderErrorKind.CONTENT_POLICY;
        } else if (code.equals("model_not_found")) {
            kind = ProviderErrorKind.MODEL_RETIRED;
        } else if (code.equals("insufficient_quota") || code.equals("billing_hard_limit_reached")) {
            kind = ProviderErrorKind.PAYMENT;
        } else {
            kind = HttpErrors.byStatus(status);
        }
        Duration retryAfter = kind == ProviderErrorKind.RATE_LIMITED ? HttpErrors.retryAfter(response::header) : null;
        return ProviderException.of(ProviderId.OPENAI, kind, message, retryAfter, status, maxRetryWait);
    }
}
