package dev.atelier.provider;

import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A vendor's HTTP error answer as its REST client hands it over (each client's {@code @ClientExceptionMapper}):
 * the status, the headers a classifier reads (retry hints), and the body, at most 64 KiB of it. The provider turns
 * it into a {@link ProviderException}: it knows its vendor's error shape and its own limits.
 */
public final class VendorHttpError extends RuntimeException {

    private static final int MAX_BODY_CHARS = 64 * 1024;

    private final int status;
    private final Map<String, String> headers;
    private final String body;

    private VendorHttpError(int status, Map<String, String> headers, String body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** Reads what a classifier needs from an error response (called by the REST clients' exception mappers). */
    public static VendorHttpError of(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getStringHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        String text = "";
        try {
            if (response.hasEntity()) {
                text = response.readEntity(String.class);
            }
        } catch (RuntimeException unreadable) {
            text = "";
        }
        return new VendorHttpError(response.getStatus(), headers,
                text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text);
    }

    public int status() {
        return status;
    }

    /** A response header, by any case of its name; null when absent. */
    public String header(String name) {
        return headers.get(name);
    }

    public String body() {
        return body;
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    public JsonNode json(ObjectMapper mapper) {
        return VendorResponses.json(mapper, body);
    }
}
