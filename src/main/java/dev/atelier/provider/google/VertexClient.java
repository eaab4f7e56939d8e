package dev.atelier.provider.google;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atelier.provider.VendorHttpError;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * Vertex AI publisher-model endpoints. Answers stay JSON trees ({@link VertexPayloads} reads them): the Imagen and
 * Gemini shapes differ and are still moving; an error answer becomes a {@link VendorHttpError}.
 */
@RegisterRestClient(configKey = "google-vertex")
@Path("/v1/projects/{project}/locations/{location}/publishers/google/models")
interface VertexClient {

    @POST
    @Path("/{model}:predict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> predict(@PathParam("project") String project, @PathParam("location") String location,
            @PathParam("model") String model, @HeaderParam("Authorization") String authorization,
            Map<String, Object> body);

    @POST
    @Path("/{model}:generateContent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> generateContent(@PathParam("project") String project, @PathParam("location") String location,
            @PathParam("model") String model, @HeaderParam("Authorization") String authorization,
            Map<String, Object> body);

    /** Free: the model's metadata; the health probe. */
    @GET
    @Path("/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> model(@PathParam("project") String project, @PathParam("location") String location,
            @PathParam("model") String model, @HeaderParam("Authorization") String authorization);

    @ClientExceptionMapper
    static VendorHttpError failed(Response response) {
        return VendorHttpError.of(response);
    }
}
