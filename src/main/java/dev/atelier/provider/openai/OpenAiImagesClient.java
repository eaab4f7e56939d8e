package dev.atelier.provider.openai;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import dev.atelier.provider.VendorHttpError;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * The OpenAI endpoints Atelier uses, answering typed records; an error answer becomes a {@link VendorHttpError},
 * which {@link OpenAiErrors} classifies.
 */
@RegisterRestClient(configKey = "openai-images")
interface OpenAiImagesClient {

    @POST
    @Path("/images/generations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<OpenAiImages> generate(@HeaderParam("Authorization") String authorization, Map<String, Object> body);

    /** An edit: multipart {@code image[]} (the source, then references), {@code mask}, {@code prompt}, ... */
    @POST
    @Path("/images/edits")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<OpenAiImages> edit(@HeaderParam("Authorization") String authorization, ClientMultipartForm form);

    /** Free: lists models; the health probe. */
    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<OpenAiModels> models(@HeaderParam("Authorization") String authorization);

    @ClientExceptionMapper
    static VendorHttpError failed(Response response) {
        return VendorHttpError.of(response);
    }
}
