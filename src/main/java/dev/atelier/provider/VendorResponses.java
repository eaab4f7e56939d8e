package dev.atelier.provider;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Small helpers the vendor adapters share: reading a body as JSON, the failure of an unconfigured provider. */
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
}
