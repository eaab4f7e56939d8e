package dev.atelier.provider;

import java.io.IOException;
import java.time.Duration;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The REST client turns every non-2xx answer into an exception; the adapters want the answer itself (status,
 * headers such as Retry-After, the vendor's error body) to classify it.
 */
public final class VendorResponses {

    private VendorResponses() {
    }

    /** The body as JSON, or null when it is empty or not JSON (the caller decides what that means). */
    public static JsonNode json(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A failed call for a provider that lacks its settings. */
    public static <T> Uni<T> notConfigured(ProviderId provider, String settings) {
        return Uni.createFrom().failure(ProviderException.of(provider, ProviderErrorKind.AUTH,
                provider + " is not configured (" + settings + ")", null, 0, Duration.ZERO));
    }

    public static Uni<Response> anyStatus(Uni<Response> call) {
        return call.onFailure(WebApplicationException.class)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse());
    }
}
