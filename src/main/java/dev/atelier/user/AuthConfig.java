package dev.atelier.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How callers are identified. */
@ConfigMapping(prefix = "atelier.auth")
public interface AuthConfig {

    /**
     * {@code local}: every request acts as one built-in user (a laptop, a demo, a single-person install).
     * {@code oidc}: a bearer token from the configured issuer is required.
     */
    @WithDefault("local")
    Mode mode();

    /**
     * Whether local mode (one built-in user, no sign-in) may listen on a non-loopback address. Off by default: local
     * mode listens on 127.0.0.1, and refuses to start when told to listen elsewhere ({@code QUARKUS_HTTP_HOST}), so
     * no one else on the network can act as the local user. Turn it on only behind something that authenticates
     * (a reverse proxy with sign-in, a container whose port is published on the host's loopback only).
     */
    @WithDefault("false")
    boolean allowLocalOnNetwork();

    /**
     * Deprecated alias of {@link #allowLocalOnNetwork()} ({@code ATELIER_AUTH_ALLOW_LOCAL_IN_PROD}): it used to let
     * the prod profile run in local mode at all; local mode on loopback now needs no permission in any profile.
     */
    @Deprecated
    @WithDefault("false")
    boolean allowLocalInProd();

    /** The role (from the token's role claim, see quarkus.oidc.roles.role-claim-path) that makes a user an admin. */
    @WithDefault("admin")
    String adminRole();

    /** The OIDC client id the web UI signs in with (a public client using authorization code + PKCE). */
    @WithDefault("atelier-ui")
    String uiClientId();

    /** The built-in user of local mode. */
    LocalUser localUser();

    enum Mode {
        LOCAL, OIDC
    }

    interface LocalUser {
        /** Subject stored for the local user. */
        @WithDefault("local")
        String subject();

        @WithDefault("Local user")
        String displayName();

        @WithDefault("local@atelier.invalid")
        String email();
    }
}
