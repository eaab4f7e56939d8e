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
     * Whether the prod profile may run in local mode (one built-in user, no sign-in): off by default, so a
     * production deployment that forgot its OIDC settings refuses to start instead of opening up to everyone.
     */
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
