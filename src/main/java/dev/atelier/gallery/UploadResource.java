package dev.atelier.gallery;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.user.CurrentUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /uploads} (multipart, the image in {@code file}): keeps the caller's image as an UPLOADED image of
 * their gallery (an edit's source, mask or reference) and answers {@code 201 {id, url, width, height, mimeType}}.
 * Same authentication as the API; refusals are coded errors in the GraphQL error shape ({@code errors[0].message},
 * {@code extensions.code}) with 400, 413 or 415, and store nothing.
 */
@Path("/uploads")
public class UploadResource {

    private static final Logger LOG = Logger.getLogger(UploadResource.class);

    /** What an upload answers. */
    public record Uploaded(String id, String url, int width, int height, String mimeType) {
    }

    private final Uploads uploads;
    private final CurrentUser currentUser;

    UploadResource(Uploads uploads, CurrentUser currentUser) {
        this.uploads = uploads;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Uploaded>> upload(@RestForm("file") List<FileUpload> files) {
        return currentUser.call(() -> present(files), (userId, upload) -> uploads.read(List.of(upload))
                .flatMap(bytes -> uploads.upload(userId, bytes.get(0))))
                .map(image -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED,
                        new Uploaded(image.id(), image.url(), image.width(), image.height(), image.mimeType()))
                        .header("Location", image.url()).build());
    }

    private FileUpload present(List<FileUpload> files) {
        if (files == null || files.isEmpty() || files.get(0).uploadedFile() == null) {
            throw new UploadRefused(400, "Send the image as the multipart form field \"file\"");
        }
        if (files.size() > 1) {
            throw new UploadRefused(400, "Send one image per upload; this form has " + files.size() + " \"file\" fields");
        }
        return files.get(0);
    }

    @ServerExceptionMapper
    RestResponse<Map<String, Object>> refused(AtelierException e) {
        int status = e instanceof UploadRefused refused ? refused.status() : switch (e.code()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
            default -> 400;
        };
        return coded(status, e.code(), e.getMessage());
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    RestResponse<Map<String, Object>> unauthenticated() {
        return coded(401, ErrorCode.UNAUTHENTICATED, "Sign in first");
    }

    @ServerExceptionMapper
    RestResponse<Map<String, Object>> unexpected(Throwable failure) {
        LOG.error("an upload failed", failure);
        return coded(500, ErrorCode.INTERNAL, "The upload failed inside Atelier; nothing was stored");
    }

    static RestResponse<Map<String, Object>> coded(int status, ErrorCode code, String message) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(status),
                Map.<String, Object>of("errors", List.of(Map.of("message", message, "extensions",
                        Map.of("code", code.name()))))).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
