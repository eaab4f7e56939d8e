package dev.atelier.common.http;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer of the API port carries: no framing by other sites ({@code frame-ancestors 'none'}), no MIME
 * sniffing, no Referer leaving the service; and for the web UI a Content-Security-Policy that allows only the
 * service's own scripts, styles, images and connections (plus the identity provider in OIDC mode, which the UI talks
 * to for sign-in). The GraphQL UI keeps only the framing and sniffing rules: its page is built with inline scripts.
 */
@ApplicationScoped
class SecurityHeaders {

    private final String uiPolicy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            @ConfigProperty(name = "atelier.auth.mode", defaultValue = "local") String mode) {
        String identityProvider = "oidc".equalsIgnoreCase(mode) ? issuer.map(SecurityHeaders::origin).orElse("") : "";
        this.uiPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "font-src 'self'; connect-src 'self'" + (identityProvider.isEmpty() ? "" : " " + identityProvider)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        // before the cross-site guard, so its refusals carry the headers too
        router.route().order(CrossSiteGuard.ORDER - 1).handler(this::add);
    }

    private void add(RoutingContext ctx) {
        String path = ctx.request().path();
        var headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", path.startsWith("/q/graphql-ui") ? "frame-ancestors 'none'" : uiPolicy);
        if (path.equals("/") || path.equals("/index.html")) {
            // the page names the hashed bundles of this build: never keep it past a deployment
            ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set("Cache-Control", "no-cache"));
        }
        ctx.next();
    }

    /** scheme://host[:port] of a URL, or "" when it has none. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
