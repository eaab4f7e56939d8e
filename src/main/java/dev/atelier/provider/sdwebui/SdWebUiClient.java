package dev.atelier.provider.sdwebui;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.atelier.provider.VendorHttpError;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** The web UI's API ({@code --api}), answering typed records; an error answer becomes a {@link VendorHttpError}. */
@RegisterRestClient(configKey = "sdwebui")
@Path("/sdapi/v1")
interface SdWebUiClient {

    @POST
    @Path("/txt2img")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Txt2ImgAnswer> txt2img(Map<String, Object> body);

    /** An edit: init_images, an optional mask (white = repaint) and denoising_strength; the same answer. */
    @POST
    @Path("/img2img")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Txt2ImgAnswer> img2img(Map<String, Object> body);

    @GET
    @Path("/progress")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> progress(@QueryParam("skip_current_image") boolean skipCurrentImage);

    @POST
    @Path("/interrupt")
    Uni<Void> interrupt();

    /** Free: the server's options; the health probe. */
    @GET
    @Path("/options")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Map<String, Object>> options();

    @ClientExceptionMapper
    static VendorHttpError failed(Response response) {
        return VendorHttpError.of(response);
    }
}
