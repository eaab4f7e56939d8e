package dev.atelier.provider.google;

import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atelier.provider.HttpErrors;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.VendorHttpError;

/** google.rpc.Status errors {@code {"error": {"code", "message", "status"}}} mapped onto the taxonomy. */
final class VertexErrors {

    private VertexErrors() {
    }

    static ProviderException classify(VendorHttpError response, JsonNode body, Duration maxRetryWait) {
        int status = response.status();
        JsonNode error = body == null ? null : body.path("error");
        String rpcStatus = error == null ? "" : error.path("status").asText("");
        String raw = error == null ? null : error.path("message").asText(null);
        String lower = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
        ProviderErrorKind kind;
        if (status == 429 || rpcStatus.equals("RESOURCE_EXHAUSTED")) {
            kind = ProviderErrorKind.RATE_LIMITED;
        } else if (status == 400 && (lower.contains("could not be submitted") || lower.contains("blocked")
                || lower.contains("safety") || lower.contains("responsible ai"))) {
            kind = ProviderErrorKind.CONTENT_POLICY;
        } else {
            kind = HttpErrors.byStatus(status);
        }
        Duration retryAfter = kind == ProviderErrorKind.RATE_LIMITED ? HttpErrors.retryAfter(response::header) : null;
        return ProviderException.of(ProviderId.GOOGLE, kind, "Google: " + HttpErrors.safe(raw), retryAfter, status,
                maxRetryWait);
    }
}
