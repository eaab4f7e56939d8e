package dev.atelier.provider;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/**
 * The REST client turns every non-2xx answer into an exception; the adapters want the answer itself (status,
 * headers such as Retry-After, the vendor's error body) to classify it.
 */
public final class VendorResponses {

    private VendorResponses() {
    }

    public static Uni<Response> anyStatus(Uni<Response> call) {
        return call.onFailure(WebApplicationException.class)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse());
    }
}
