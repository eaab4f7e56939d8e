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

import io.smallrye.mutiny.Uni;

/** Vertex AI publisher-model endpoints. */
@RegisterRestClient(configKey = "google-vertex")
@Path("/v1/projects/{project}/locations/{location}/publishers/google/models")
interface VertexClient {

    @POST
    @Path("/{model}:predict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> predict(@PathParam("project") String project, @PathParam("location") String location,
            @PathParam("model") String model, @HeaderParam("Authorization") String authorization,
            Map<String, Object> body);

    @POST
    @Path("/{model}:generateContent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> generateContent(@PathParam("project") String project, @PathParam("location") String location,
            @PathParam("model") String model, @HeaderParam("Authorization") String authorization,
            Map<String, Object> body);

    /** Free: the model's metadata; the health probe. */
    @GET
    @Path("/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> model(@PathParam("project") String project, @PathParam("location") String location,
            @PathParam("model") String model, @HeaderParam("Authorization") String authorization);
}
