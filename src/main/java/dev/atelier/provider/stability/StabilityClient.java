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

import io.smallrye.mutiny.Uni;

/** Stability's Stable Image endpoints (multipart form in, raw image bytes out with {@code accept: image/*}). */
@RegisterRestClient(configKey = "stability")
interface StabilityClient {

    @POST
    @Path("/v2beta/stable-image/generate/{endpoint}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<Response> generate(@PathParam("endpoint") String endpoint,
            @HeaderParam("authorization") String authorization,
            @HeaderParam("accept") String accept,
            @RestForm("prompt") String prompt,
            @RestForm("negative_prompt") String negativePrompt,
            @RestForm("aspect_ratio") String aspectRatio,
            @RestForm("seed") String seed,
            @RestForm("output_format") String outputFormat,
            @RestForm("model") String model,
            @RestForm("style_preset") String stylePreset);

    /** Free: the account's credit balance; the health probe. */
    @GET
    @Path("/v1/user/balance")
    Uni<Response> balance(@HeaderParam("authorization") String authorization);
}
