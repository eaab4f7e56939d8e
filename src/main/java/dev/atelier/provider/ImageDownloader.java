package dev.atelier.provider;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/** Fetches an image a vendor returned as a (short-lived) URL, at once, so the bytes can be checked and stored. */
@ApplicationScoped
public class ImageDownloader {

    static final int MAX_BYTES = 50 * 1024 * 1024;

    private final WebClient client;

    ImageDownloader(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout(10_000).setIdleTimeout(60).setMaxHeaderSize(16_384).setFollowRedirects(true));
    }

    public Uni<byte[]> download(ProviderId provider, String url) {
        return client.getAbs(url).send()
                .onFailure().transform(e -> VendorFailures.transientFailure(provider, provider + " image URL could not be fetched"))
                .map(response -> {
                    if (response.statusCode() != 200 || response.body() == null) {
                        throw VendorFailures.transientFailure(provider,
                                provider + " image URL answered HTTP " + response.statusCode());
                    }
                    if (response.body().length() > MAX_BYTES) {
                        throw VendorFailures.transientFailure(provider, provider + " image is larger than 50 MB");
                    }
                    return response.body().getBytes();
                });
    }
}
