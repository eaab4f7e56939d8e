package dev.atelier.user;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /ui-config.json}: how the web UI should sign people in — not at all (local mode), or with OIDC
 * authorization code + PKCE against the configured issuer with the UI's public client id. Public, and holds nothing
 * secret.
 */
@Path("/ui-config.json")
public class UiConfigResource {

    /** What the web UI reads before it renders. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UiConfig(String auth, String issuer, String clientId, String scope) {
    }

    private final AuthConfig auth;
    private final Optional<String> issuer;

    UiConfigResource(AuthConfig auth, @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        this.auth = auth;
        this.issuer = issuer;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<UiConfig> get() {
        String mode = auth.mode().name().toLowerCase(Locale.ROOT);
        UiConfig config = auth.mode() == AuthConfig.Mode.OIDC
                ? new UiConfig(mode, issuer.orElse(null), auth.uiClientId(), "openid profile email")
                : new UiConfig(mode, null, null, null);
        return RestResponse.ResponseBuilder.ok(config).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
