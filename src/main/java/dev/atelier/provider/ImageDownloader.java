package dev.atelier.provider;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Fetches an image a vendor returned as a (short-lived) URL, at once, so the bytes can be checked and stored - under
 * {@link DownloadPolicy}: every hop (at most {@value #MAX_REDIRECTS} redirects) is checked before it is requested and
 * connected to the very address that was checked (no second DNS answer in between), and the body is streamed with a
 * byte cap, the connection dropped as soon as it is passed. A refusal (policy, size) is not retried.
 */
@ApplicationScoped
public class ImageDownloader {

    static final int MAX_REDIRECTS = 3;
    /** The largest image accepted from a vendor. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private final HttpClient http;
    private final long maxBytes;
    private final DownloadPolicy policy;
    private final Function<String, List<InetAddress>> resolver;

    @Inject
    ImageDownloader(Vertx vertx) {
        this(vertx, MAX_BYTES, DownloadPolicy.standard(), ImageDownloader::resolve);
    }

    ImageDownloader(Vertx vertx, long maxBytes, DownloadPolicy policy, Function<String, List<InetAddress>> resolver) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000).setIdleTimeout(60)
                .setMaxHeaderSize(16_384).setForceSni(true).setVerifyHost(true));
        this.maxBytes = maxBytes;
        this.policy = policy;
        this.resolver = resolver;
    }

    /** The image at {@code url}, which {@code provider} (configured at {@code vendorBaseUrl}) returned. */
    public Uni<byte[]> download(ProviderId provider, String url, String vendorBaseUrl) {
        URI base;
        URI target;
        try {
            base = vendorBaseUrl == null || vendorBaseUrl.isBlank() ? null : URI.create(vendorBaseUrl);
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(refused(provider, "an image URL that does not parse"));
        }
        return addresses(base).flatMap(baseAddresses -> hop(provider, target, base, baseAddresses, 0));
    }

    private Uni<byte[]> hop(ProviderId provider, URI target, URI base, List<InetAddress> baseAddresses, int redirects) {
        return addresses(target).flatMap(targetAddresses -> {
            String refusal = policy.refusal(target, base, targetAddresses, baseAddresses);
            if (refusal != null) {
                return Uni.createFrom().failure(refused(provider, "an image URL to " + refusal));
            }
            return fetch(provider, target, targetAddresses.get(0)).flatMap(answer -> {
                if (answer.location() == null) {
                    return Uni.createFrom().item(answer.body());
                }
                if (redirects >= MAX_REDIRECTS) {
                    return Uni.createFrom().failure(refused(provider, "an image URL with more than "
                            + MAX_REDIRECTS + " redirects"));
                }
                URI next;
                try {
                    next = target.resolve(answer.location());
                } catch (IllegalArgumentException e) {
                    return Uni.createFrom().failure(refused(provider, "an image redirect that does not parse"));
                }
                return hop(provider, next, base, baseAddresses, redirects + 1);
            });
        });
    }

    /** A body, or where it moved. */
    private record Answer(byte[] body, String location) {
    }

    private Uni<Answer> fetch(ProviderId provider, URI target, InetAddress address) {
        boolean tls = "https".equalsIgnoreCase(target.getScheme());
        int port = target.getPort() != -1 ? target.getPort() : tls ? 443 : 80;
        String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setSsl(tls)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(target.getHost()).setPort(port).setURI(path).setFollowRedirects(false)
                .setIdleTimeout(Duration.ofSeconds(60).toMillis());
        return Uni.createFrom().<Answer>emitter(emitter -> http.request(options).onFailure(e -> emitter.fail(
                VendorFailures.transientFailure(provider, provider + " image URL could not be fetched")))
                .onSuccess(request -> request.send().onFailure(e -> emitter.fail(
                        VendorFailures.transientFailure(provider, provider + " image URL could not be fetched")))
                        .onSuccess(response -> {
                            int status = response.statusCode();
                            if (status >= 300 && status < 400 && response.getHeader("Location") != null) {
                                response.request().connection().close();
                                emitter.complete(new Answer(null, response.getHeader("Location")));
                                return;
                            }
                            if (status != 200) {
                                response.request().connection().close();
                                emitter.fail(VendorFailures.transientFailure(provider,
                                        provider + " image URL answered HTTP " + status));
                                return;
                            }
                            String length = response.getHeader("Content-Length");
                            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
                                response.request().connection().close();
                                emitter.fail(tooLarge(provider));
                                return;
                            }
                            Buffer body = Buffer.buffer();
                            response.handler(chunk -> {
                                if (body.length() + (long) chunk.length() > maxBytes) {
                                    response.handler(null);
                                    response.request().connection().close();
                                    emitter.fail(tooLarge(provider));
                                    return;
                                }
                                body.appendBuffer(chunk);
                            });
                            response.exceptionHandler(e -> emitter.fail(VendorFailures.transientFailure(provider,
                                    provider + " image download broke off")));
                            response.endHandler(done -> emitter.complete(new Answer(body.getBytes(), null)));
                        })));
    }

    /** DNS lookup off the event loop; an empty list when the host does not resolve (or there is none). */
    private Uni<List<InetAddress>> addresses(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return Uni.createFrom().item(List.of());
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return Uni.createFrom().item(() -> resolver.apply(host)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private ProviderException tooLarge(ProviderId provider) {
        return refused(provider, "an image larger than " + maxBytes / (1024 * 1024) + " MB");
    }

    /** Not retried: the same URL would be refused again. */
    private static ProviderException refused(ProviderId provider, String what) {
        return ProviderException.of(provider, ProviderErrorKind.BAD_REQUEST, provider + " returned " + what, null, 0,
                Duration.ZERO);
    }
}
