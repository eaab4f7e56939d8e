package dev.atelier.provider.stability;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atelier.provider.HttpErrors;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.VendorHttpError;

/** Stability's {@code {"id", "name", "errors": [...]}} errors, classified by {@code name} first, then status. */
final class StabilityErrors {

    private StabilityErrors() {
    }

    static ProviderException classify(VendorHttpError response, JsonNode body, StabilityConfig config) {
        int status = response.status();
        String name = body == null ? "" : body.path("name").asText("");
        String detail = body == null ? null
                : body.path("errors").isArray() && !body.path("errors").isEmpty() ? body.path("errors").get(0).asText()
                        : body.path("message").asText(null);
        ProviderErrorKind kind = switch (name) {
            case "content_moderation" -> ProviderErrorKind.CONTENT_POLICY;
            case "payment_required" -> ProviderErrorKind.PAYMENT;
            case "unauthorized" -> ProviderErrorKind.AUTH;
            case "bad_request", "invalid_parameters", "payload_too_large" -> ProviderErrorKind.BAD_REQUEST;
            case "rate_limit_exceeded" -> ProviderErrorKind.RATE_LIMITED;
            default -> byStatus(status);
        };
        Duration retryAfter = null;
        if (kind == ProviderErrorKind.RATE_LIMITED) {
            retryAfter = HttpErrors.retryAfter(response::header);
            if (retryAfter == null) {
                retryAfter = config.lockout();
            }
        }
        return ProviderException.of(ProviderId.STABILITY, kind, "Stability: " + HttpErrors.safe(detail), retryAfter,
                status, config.maxRetryWait());
    }

    /** Stability answers 403 for content it refuses; every other status means what it means elsewhere. */
    private static ProviderErrorKind byStatus(int status) {
        return status == 403 ? ProviderErrorKind.CONTENT_POLICY : HttpErrors.byStatus(status);
    }
}
