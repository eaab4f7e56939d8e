package dev.atelier.gallery;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.user.CurrentUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /images/{id}}: the stored bytes with their content type and a strong ETag (the SHA-256), for the image's
 * owner, or anyone allowed to read it through a PUBLIC or UNLISTED collection. Anyone else - and any id that does not
 * exist or is malformed - gets the same 404, so existence never leaks. Never cached as "immutable": un-sharing,
 * deleting or signing out must be able to take an image back; the owner's copy is revalidated on every use (a cheap
 * 304), a shared one is cached briefly.
 */
@Path("/images")
public class ImageResource {

    private static final Logger LOG = Logger.getLogger(ImageResource.class);

    /** Seconds a browser or proxy may keep a shared image before asking again. */
    static final int SHARED_MAX_AGE = 300;

    private final ImageService images;
    private final ImageStore store;
    private final CurrentUser currentUser;
    private final ImageStoreConfig config;

    ImageResource(ImageService images, ImageStore store, CurrentUser currentUser, ImageStoreConfig config) {
        this.images = images;
        this.store = store;
        this.currentUser = currentUser;
        this.config = config;
    }

    @GET
    @Path("/{id}")
    public Uni<RestResponse<byte[]>> serve(@RestPath String id, @RestHeader("If-None-Match") String ifNoneMatch) {
        UUID imageId = uuid(id);
        if (imageId == null) {
            return Uni.createFrom().item(notFound());
        }
        return currentUser.read(config.anonymousSharedRead(), () -> imageId, images::stored)
                .flatMap(image -> image == null ? Uni.createFrom().item(notFound()) : answer(image, imageId, ifNoneMatch));
    }

    private Uni<RestResponse<byte[]>> answer(StoredImage image, UUID id, String ifNoneMatch) {
        String etag = "\"" + image.sha256() + "\"";
        String caching = image.owned() ? "private, no-cache" : "public, max-age=" + SHARED_MAX_AGE;
        if (etag.equals(ifNoneMatch)) {
            return Uni.createFrom().item(RestResponse.ResponseBuilder.<byte[]>create(RestResponse.Status.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, caching).build());
        }
        return store.get(image.storageKey()).map(bytes -> {
            if (bytes.isEmpty()) {
                LOG.warnf("image %s has a row but no stored bytes (%s)", id, image.storageKey());
                return notFound();
            }
            return RestResponse.ResponseBuilder.ok(bytes.get(), image.mimeType())
                    .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, caching)
                    .header("X-Content-Type-Options", "nosniff").build();
        });
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RestResponse<byte[]> notFound() {
        return text(RestResponse.Status.NOT_FOUND, "Not found");
    }

    @SuppressWarnings("unchecked")
    private static <T> RestResponse<T> text(RestResponse.Status status, String message) {
        return (RestResponse<T>) RestResponse.ResponseBuilder.create(status, message)
                .type(MediaType.TEXT_PLAIN_TYPE).build();
    }

    @ServerExceptionMapper
    RestResponse<String> refused(AtelierException e) {
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            return text(RestResponse.Status.UNAUTHORIZED, "Sign in first");
        }
        LOG.error("serving an image failed", e);
        return text(RestResponse.Status.INTERNAL_SERVER_ERROR, "Internal error");
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    RestResponse<String> unauthenticated() {
        return text(RestResponse.Status.UNAUTHORIZED, "Sign in first");
    }

    @ServerExceptionMapper
    RestResponse<String> unexpected(Throwable failure) {
        LOG.error("serving an image failed", failure);
        return text(RestResponse.Status.INTERNAL_SERVER_ERROR, "Internal error");
    }
}
