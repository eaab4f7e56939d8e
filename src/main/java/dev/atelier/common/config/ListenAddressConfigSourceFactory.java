package dev.atelier.common.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The default listen address follows the authentication mode: in local mode (no sign-in, every request acts as the
 * one built-in user) the service and its management interface listen on loopback only, so nothing else on the
 * network can drive them; in OIDC mode on every interface, as a container in a cluster must. The defaults sit at
 * ordinal {@value #ORDINAL}, below {@code application.properties} and environment variables, so an explicit
 * {@code QUARKUS_HTTP_HOST} / {@code QUARKUS_MANAGEMENT_HOST} always wins (and local mode then refuses to start on a
 * non-loopback address unless {@code ATELIER_AUTH_ALLOW_LOCAL_ON_NETWORK=true}: see LocalModeExposure).
 */
public class ListenAddressConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 120;
    static final String LOOPBACK = "127.0.0.1";
    static final String EVERY_INTERFACE = "0.0.0.0";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue mode = context.getValue("atelier.auth.mode");
        String host = defaultHost(mode == null ? null : mode.getValue());
        return List.of(new PropertiesConfigSource(Map.of("quarkus.http.host", host, "quarkus.management.host", host),
                "atelier-listen-address-defaults", ORDINAL));
    }

    /** Loopback unless the mode is OIDC. */
    static String defaultHost(String authMode) {
        return authMode != null && authMode.trim().toLowerCase(Locale.ROOT).equals("oidc") ? EVERY_INTERFACE : LOOPBACK;
    }
}
