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

import io.smallrye.mutiny.Uni;

/** The two OpenAI endpoints Atelier uses. Raw responses: {@link OpenAiErrors} classifies failures. */
@RegisterRestClient(configKey = "openai-images")
interface OpenAiImagesClient {

    @POST
    @Path("/images/generations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> generate(@HeaderParam("Authorization") String authorization, Map<String, Object> body);

    /** Free: lists models; the health probe. */
    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> models(@HeaderParam("Authorization") String authorization);
}
