package dev.atelier.provider;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which image URLs a vendor may make Atelier fetch. A vendor's answer is input from outside: an URL in it must not
 * turn Atelier into a client of its own network (SSRF). Allowed: {@code https} URLs, or URLs on the vendor's own
 * configured base host (a self-hosted server on plain http); never to loopback, private, CGNAT or unique-local
 * addresses - unless the vendor's base URL is itself on such an address (a self-hosted server on the LAN) - and never
 * to link-local ones (cloud metadata endpoints live there) or multicast.
 */
public final class DownloadPolicy {

    private final Predicate<InetAddress> publicAddress;

    /** The rules as they apply on the internet. */
    public static DownloadPolicy standard() {
        return new DownloadPolicy(DownloadPolicy::isPublic);
    }

    /** With another notion of "public" (tests, whose vendor fakes listen on loopback). */
    DownloadPolicy(Predicate<InetAddress> publicAddress) {
        this.publicAddress = publicAddress;
    }

    /** Why {@code target}, resolved to these addresses, may not be fetched for a vendor at {@code base}; null when it may. */
    public String refusal(URI target, URI base, List<InetAddress> targetAddresses, List<InetAddress> baseAddresses) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (target.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "not an http(s) URL";
        }
        boolean vendorHost = base != null && base.getHost() != null && target.getHost().equalsIgnoreCase(base.getHost())
                && port(target) == port(base);
        if (!scheme.equals("https") && !vendorHost) {
            return "a plain-http URL off the vendor's own host";
        }
        if (targetAddresses.isEmpty()) {
            return "a host that does not resolve";
        }
        boolean privateVendor = !baseAddresses.isEmpty() && baseAddresses.stream().noneMatch(publicAddress);
        for (InetAddress address : targetAddresses) {
            if (address.isLinkLocalAddress() || address.isMulticastAddress() || address.isAnyLocalAddress()) {
                return "a link-local, multicast or unspecified address";
            }
            if (!publicAddress.test(address) && !privateVendor) {
                return "a loopback or private address";
            }
        }
        return null;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Routable on the internet: not loopback, private (RFC 1918), CGNAT, unique-local, link-local or reserved. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second & 0xfe) == 18));
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        return false;
    }
}
