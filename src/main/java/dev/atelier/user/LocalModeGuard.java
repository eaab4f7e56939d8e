package dev.atelier.user;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.atelier.common.http.LocalAccess;
import io.quarkus.runtime.StartupEvent;

/**
 * Says at startup how callers are identified, and refuses to start local mode - where every request acts as the one
 * built-in user - on an address other machines can reach, unless allowed with
 * {@code ATELIER_AUTH_ALLOW_LOCAL_ON_NETWORK=true}. Local mode listens on loopback by default (see
 * ListenAddressConfigSourceFactory); this catches an explicit {@code QUARKUS_HTTP_HOST=0.0.0.0}.
 */
@ApplicationScoped
class LocalModeGuard implements LocalAccess {

    private static final Logger LOG = Logger.getLogger(LocalModeGuard.class);

    private final AuthConfig config;
    private final String host;

    LocalModeGuard(AuthConfig config, @ConfigProperty(name = "quarkus.http.host") String host) {
        this.config = config;
        this.host = host;
    }

    /** Local mode not allowed on the network: only this machine's names are answered (see CrossSiteGuard). */
    @Override
    @SuppressWarnings("deprecation")
    public boolean machineOnly() {
        return config.mode() == AuthConfig.Mode.LOCAL && !(config.allowLocalOnNetwork() || config.allowLocalInProd());
    }

    @SuppressWarnings("deprecation")
    void check(@Observes StartupEvent event) {
        if (config.mode() == AuthConfig.Mode.OIDC) {
            LOG.info("Authentication: OIDC bearer tokens required");
            return;
        }
        boolean allowed = config.allowLocalOnNetwork() || config.allowLocalInProd();
        if (config.allowLocalInProd() && !config.allowLocalOnNetwork()) {
            LOG.warn("ATELIER_AUTH_ALLOW_LOCAL_IN_PROD is deprecated: it now means ATELIER_AUTH_ALLOW_LOCAL_ON_NETWORK, "
                    + "and local mode on loopback needs neither");
        }
        if (!loopback(host) && !allowed) {
            throw new IllegalStateException("Refusing to start: LOCAL authentication mode (every request acts as one "
                    + "built-in user, no sign-in) would listen on " + host + ", reachable from other machines. Listen "
                    + "on loopback (leave QUARKUS_HTTP_HOST unset), configure OIDC (ATELIER_AUTH_MODE=oidc), or allow "
                    + "it explicitly behind an authenticating proxy with ATELIER_AUTH_ALLOW_LOCAL_ON_NETWORK=true.");
        }
        LOG.warnf("Authentication: LOCAL mode - every request acts as the built-in user '%s', listening on %s. "
                + "Set ATELIER_AUTH_MODE=oidc and an OIDC issuer for a shared installation.",
                config.localUser().subject(), host);
    }

    /** Whether the address only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
    static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost: it may resolve anywhere
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
