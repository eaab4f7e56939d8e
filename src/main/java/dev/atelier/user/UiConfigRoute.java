package dev.atelier.user;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /ui-config.json}: how the web UI should sign people in — not at all (local mode), or with OIDC
 * authorization code + PKCE against the configured issuer with the UI's public client id. Public, and holds nothing
 * secret.
 */
@ApplicationScoped
public class UiConfigRoute {

    private final AuthConfig auth;

    UiConfigRoute(AuthConfig auth) {
        this.auth = auth;
    }

    void install(@Observes Router router) {
        router.get("/ui-config.json").handler(ctx -> {
            JsonObject config = new JsonObject().put("auth", auth.mode().name().toLowerCase(Locale.ROOT));
            if (auth.mode() == AuthConfig.Mode.OIDC) {
                config.put("issuer", ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                        .orElse(null))
                        .put("clientId", auth.uiClientId())
                        .put("scope", "openid profile email");
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(config.encode());
        });
    }
}
