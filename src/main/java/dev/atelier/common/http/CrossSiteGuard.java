package dev.atelier.common.http;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.common.error.ErrorCode;
import dev.atelier.common.graphql.CodedAnswer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every request on the service's port: a page of another site can neither change anything
 * (POST, PUT, PATCH, DELETE) nor open the GraphQL WebSocket, and in local mode nothing reaches the service under a
 * Host name that is not this machine's (DNS rebinding). Requests without an {@code Origin} - curl, SDKs, servers -
 * are unaffected. Allowed origins ({@code ATELIER_HTTP_ALLOWED_ORIGINS}) get CORS answers; no other origin does.
 */
@ApplicationScoped
class CrossSiteGuard {

    private static final Logger LOG = Logger.getLogger(CrossSiteGuard.class);
    static final int ORDER = -1000;

    private final OriginPolicy policy;

    CrossSiteGuard(HttpConfig config, LocalAccess access) {
        this.policy = new OriginPolicy(config.allowedOrigins().orElse(List.of()), config.publicUrl(),
                access.machineOnly());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String host = authority(ctx);
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (!policy.hostAllowed(host)) {
            refuse(ctx, "This service answers only under its own address; the Host " + printable(host)
                    + " is not one of them (set ATELIER_PUBLIC_URL to serve under another name)");
            return;
        }
        HttpMethod method = ctx.request().method();
        if (origin != null && policy.listed(origin)) {
            ctx.response().putHeader("Access-Control-Allow-Origin", origin).putHeader(HttpHeaders.VARY, "Origin")
                    .putHeader("Access-Control-Allow-Credentials", "true");
            if (method == HttpMethod.OPTIONS && ctx.request().getHeader("Access-Control-Request-Method") != null) {
                ctx.response().setStatusCode(204)
                        .putHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
                        .putHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept")
                        .putHeader("Access-Control-Max-Age", "600").end();
                return;
            }
        }
        boolean unsafe = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        boolean upgrade = "websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE));
        if ((unsafe || upgrade) && !policy.originAllowed(origin, host)) {
            LOG.debugf("refused a cross-site %s %s from origin %s", method, ctx.request().path(), printable(origin));
            refuse(ctx, "Requests from the page at " + printable(origin) + " are not allowed; add it to "
                    + "ATELIER_HTTP_ALLOWED_ORIGINS if it is yours");
            return;
        }
        ctx.next();
    }

    /** The Host header, or HTTP/2's :authority (a Host header is then absent). */
    private static String authority(RoutingContext ctx) {
        HostAndPort authority;
        try {
            authority = ctx.request().authority();
        } catch (RuntimeException noHost) {
            return null; // an HTTP/1.x request without a Host header
        }
        if (authority == null) {
            return null;
        }
        String host = authority.host();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return authority.port() >= 0 ? host + ":" + authority.port() : host;
    }

    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e…]", "?");
    }

    /** 403 with one coded error: OpenAI's error shape under /v1/, the GraphQL one everywhere else. */
    /** 403 in the caller's error shape: OpenAI's under /v1 (spelled out: that package sits above this one). */
    private static void refuse(RoutingContext ctx, String message) {
        if (!ctx.request().path().startsWith("/v1/")) {
            CodedAnswer.send(ctx, 403, ErrorCode.FORBIDDEN, message);
            return;
        }
        ctx.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .end(Json.encode(Map.of("error", Map.of("message", message, "type", "invalid_request_error",
                        "code", "forbidden"))));
    }
}
