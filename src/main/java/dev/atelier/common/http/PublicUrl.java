package dev.atelier.common.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address the service is reached at, for absolute URLs in answers (the OpenAI-compatible endpoint's image URLs):
 * {@code ATELIER_PUBLIC_URL}, or {@code http://localhost:<port>}. Never a request's Host header, which any client
 * can set to send the links of an answer elsewhere.
 */
@ApplicationScoped
public class PublicUrl {

    private final String base;

    PublicUrl(HttpConfig config, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        String configured = config.publicUrl().map(String::trim).orElse("");
        while (configured.endsWith("/")) {
            configured = configured.substring(0, configured.length() - 1);
        }
        this.base = configured.isEmpty() ? "http://localhost:" + port : configured;
    }

    /** The URL of a path of this service ({@code /images/…}). */
    public String of(String path) {
        return base + path;
    }
}
