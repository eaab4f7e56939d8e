package dev.atelier.common.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins and which Host names may drive the service. A request's {@code Origin}, when a browser sent
 * one, must be the service's own (the public URL's, or the one the Host header names) or an allowed one. In local
 * mode the Host header must also name this machine (or the public URL), so a page on another site cannot reach the
 * service through a DNS name it points at 127.0.0.1 (DNS rebinding).
 */
public final class OriginPolicy {

    private final Set<String> allowedOrigins;
    private final Optional<Authority> publicAuthority;
    private final boolean checkHost;

    OriginPolicy(List<String> allowedOrigins, Optional<String> publicUrl, boolean checkHost) {
        this.allowedOrigins = allowedOrigins.stream().map(OriginPolicy::normalise).filter(o -> o != null)
                .collect(Collectors.toUnmodifiableSet());
        this.publicAuthority = publicUrl.map(url -> Authority.ofOrigin(normalise(url)));
        this.checkHost = checkHost;
    }

    /** Whether the origin is on the configured allow-list (and so gets CORS answers). */
    public boolean listed(String origin) {
        String normalised = normalise(origin);
        return normalised != null && allowedOrigins.contains(normalised);
    }

    /** Whether a request carrying this Origin header (null: none, as curl and SDKs send) to this Host may proceed. */
    public boolean originAllowed(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (listed(origin)) {
            return true;
        }
        Authority from = Authority.ofOrigin(normalise(origin));
        if (from == null) {
            return false; // "null" (sandboxed frames, file:) or garbage
        }
        if (publicAuthority.isPresent() && from.equals(publicAuthority.get())) {
            return true;
        }
        Authority target = Authority.ofHost(host, from.scheme());
        return target != null && from.equals(target) && hostAllowed(host);
    }

    /** Whether the Host header names the service: anything in OIDC mode; this machine or the public URL in local mode. */
    public boolean hostAllowed(String host) {
        if (!checkHost) {
            return true;
        }
        Authority target = Authority.ofHost(host, "http");
        if (target == null) {
            return false;
        }
        if (publicAuthority.isPresent() && publicAuthority.get().host().equals(target.host())) {
            return true;
        }
        return loopbackName(target.host());
    }

    static boolean loopbackName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
                || host.matches("127(\\.\\d{1,3}){3}");
    }

    /** scheme://host[:port], lower case, or null when it is not an http(s) origin. */
    static String normalise(String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort() == -1 ? Authority.defaultPort(scheme) : uri.getPort();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Host and port a request is for, with the scheme they were reached by. */
    record Authority(String scheme, String host, int port) {

        static int defaultPort(String scheme) {
            return "https".equals(scheme) ? 443 : 80;
        }

        static Authority ofOrigin(String normalised) {
            if (normalised == null) {
                return null;
            }
            URI uri = URI.create(normalised);
            return new Authority(uri.getScheme(), uri.getHost(), uri.getPort());
        }

        /** From a Host header; a missing port is the default of the scheme the origin used. */
        static Authority ofHost(String host, String scheme) {
            if (host == null || host.isBlank()) {
                return null;
            }
            String h = host.trim().toLowerCase(Locale.ROOT);
            int colon = h.lastIndexOf(':');
            int port = defaultPort(scheme);
            if (colon > 0 && colon > h.lastIndexOf(']')) {
                try {
                    port = Integer.parseInt(h.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                h = h.substring(0, colon);
            }
            if (h.isEmpty() || !h.matches("[a-z0-9.\\-]+|\\[[0-9a-f:.]+\\]")) {
                return null;
            }
            return new Authority(scheme, h, port);
        }
    }
}
