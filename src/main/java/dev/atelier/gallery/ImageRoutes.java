package dev.atelier.gallery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.user.CurrentUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * {@code GET /images/{id}}: the stored bytes with their content type, a strong ETag (the SHA-256) and long-lived
 * private caching, for the image's owner, or anyone when the image is in a PUBLIC or UNLISTED collection. Anyone
 * else - and any id that does not exist or is malformed - gets the same 404, so existence never leaks.
 */
@ApplicationScoped
public class ImageRoutes {

    private static final Logger LOG = Logger.getLogger(ImageRoutes.class);

    /** Seconds a browser or proxy may keep a shared image before asking again. */
    static final int SHARED_MAX_AGE = 300;

    private final ImageService images;
    private final ImageStore store;
    private final CurrentUser currentUser;
    private final ImageStoreConfig config;

    ImageRoutes(ImageService images, ImageStore store, CurrentUser currentUser, ImageStoreConfig config) {
        this.config = config;
        this.images = images;
        this.store = store;
        this.currentUser = currentUser;
    }

    void install(@Observes Router router) {
        router.get("/images/:id").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            notFound(ctx);
            return;
        }
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        (identity == null ? Uni.createFrom().<SecurityIdentity>nullItem() : identity)
                .flatMap(who -> config.anonymousSharedRead() && (who == null || who.isAnonymous())
                        && currentUser.oidcMode() ? Uni.createFrom().<UUID>nullItem() : currentUser.idOf(who))
                .flatMap(reader -> images.stored(reader, id))
                .subscribe().with(image -> {
                    if (image == null) {
                        notFound(ctx);
                        return;
                    }
                    String etag = "\"" + image.getString("sha256") + "\"";
                    // never "immutable": un-sharing, deleting or signing out must be able to take an image back.
                    // The owner's copy is revalidated on every use (a cheap 304); a shared one is cached briefly.
                    String caching = image.getBoolean("owned") ? "private, no-cache" : "public, max-age=" + SHARED_MAX_AGE;
                    if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
                        ctx.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag)
                                .putHeader(HttpHeaders.CACHE_CONTROL, caching).end();
                        return;
                    }
                    store.get(image.getString("storage_key")).subscribe().with(bytes -> {
                        if (bytes.isEmpty()) {
                            LOG.warnf("image %s has a row but no stored bytes (%s)", id, image.getString("storage_key"));
                            notFound(ctx);
                            return;
                        }
                        ctx.response()
                                .putHeader(HttpHeaders.CONTENT_TYPE, image.getString("mime_type"))
                                .putHeader(HttpHeaders.ETAG, etag)
                                .putHeader(HttpHeaders.CACHE_CONTROL, caching)
                                .putHeader("X-Content-Type-Options", "nosniff")
                                .end(Buffer.buffer(bytes.get()).getDelegate());
                    }, failure -> error(ctx, failure));
                }, failure -> error(ctx, failure));
    }

    private static void notFound(RoutingContext ctx) {
        ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("Not found");
    }

    private static void error(RoutingContext ctx, Throwable failure) {
        if ((failure instanceof AtelierException atelier && atelier.code() == ErrorCode.UNAUTHENTICATED)
                || failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException) {
            ctx.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("Sign in first");
            return;
        }
        LOG.error("serving an image failed", failure);
        ctx.response().setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("Internal error");
    }
}
