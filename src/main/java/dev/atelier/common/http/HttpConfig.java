package dev.atelier.common.http;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How the service meets browsers and the network (docs/security.md). */
@ConfigMapping(prefix = "atelier.http")
public interface HttpConfig {

    /**
     * Origins other than the service's own whose pages may call the API ({@code ATELIER_HTTP_ALLOWED_ORIGINS}, comma
     * separated, e.g. {@code https://studio.example.com}); they also get CORS answers. Empty by default: a page of
     * any other site can neither send mutations nor open the GraphQL WebSocket. The web UI's dev server
     * ({@code npm run dev} on :5173) proxies to the service and needs no entry.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * The address users reach the service at ({@code ATELIER_PUBLIC_URL}, e.g. {@code https://atelier.example.com}
     * behind a reverse proxy): its origin is the service's own, and the URLs the API returns are built from it, never
     * from a request's Host header. Unset: {@code http://localhost:<port>}.
     */
    Optional<String> publicUrl();
}
