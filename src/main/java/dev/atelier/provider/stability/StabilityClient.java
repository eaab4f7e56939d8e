package dev.atelier.provider.stability;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import dev.atelier.provider.VendorHttpError;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * Stability's Stable Image endpoints (multipart form in, raw image bytes out with {@code accept: image/*}, the seed
 * and finish reason in headers); an error answer becomes a {@link VendorHttpError}.
 */
@RegisterRestClient(configKey = "stability")
interface StabilityClient {

    @POST
    @Path("/v2beta/stable-image/generate/{endpoint}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<RestResponse<byte[]>> generate(@PathParam("endpoint") String endpoint,
            @HeaderParam("authorization") String authorization,
            @HeaderParam("accept") String accept,
            @RestForm("prompt") String prompt,
            @RestForm("negative_prompt") String negativePrompt,
            @RestForm("aspect_ratio") String aspectRatio,
            @RestForm("seed") String seed,
            @RestForm("output_format") String outputFormat,
            @RestForm("model") String model,
            @RestForm("style_preset") String stylePreset);

    /**
     * An edit: {@code edit/inpaint} (image, mask, prompt, ...) or image-to-image on {@code generate/sd3} and
     * {@code generate/ultra} (image, strength, ...), as a multipart form.
     */
    @POST
    @Path("/v2beta/stable-image/{group}/{endpoint}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<RestResponse<byte[]>> edit(@PathParam("group") String group, @PathParam("endpoint") String endpoint,
            @HeaderParam("authorization") String authorization, @HeaderParam("accept") String accept,
            ClientMultipartForm form);

    /** Free: the account's credit balance; the health probe. */
    @GET
    @Path("/v1/user/balance")
    Uni<Balance> balance(@HeaderParam("authorization") String authorization);

    /** {@code GET /v1/user/balance}: {"credits": 12.3}. */
    record Balance(Double credits) {
    }

    @ClientExceptionMapper
    static VendorHttpError failed(Response response) {
        return VendorHttpError.of(response);
    }
}
