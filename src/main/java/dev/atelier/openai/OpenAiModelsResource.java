package dev.atelier.openai;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.atelier.common.error.AtelierException;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.catalogue.ModelCatalogue;
import dev.atelier.routing.GenerationRequests;
import dev.atelier.routing.ModelLifecycle;
import dev.atelier.routing.ProviderRegistry;
import dev.atelier.user.CurrentUser;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /v1/models} in OpenAI's list shape, so an OpenAI SDK's {@code models.list()} (which many chat front ends
 * call at start) sees what Atelier can serve now: {@code auto} (the router chooses), and for every configured
 * provider its name, its configured model and every catalogue model of it that is not retired, with the
 * {@code shutdown_date} where one is known (as OpenAI's own list carries it); each pins that provider on
 * {@code /v1/images/generations} (a model id is listed only when that endpoint reads it as this provider's).
 * Atelier does not know when a vendor made a model, so {@code created} is 0.
 */
@Path("/v1/models")
public class OpenAiModelsResource {

    /** OpenAI's model list: {@code {"object": "list", "data": [...]}}. */
    public record ModelList(String object, List<Model> data) {
    }

    /** One model as OpenAI lists it. */
    public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy,
            @JsonProperty("shutdown_date") String shutdownDate) {
    }

    private final ProviderRegistry providers;
    private final CurrentUser currentUser;
    private final ModelCatalogue catalogue;
    private final ModelLifecycle lifecycle;
    private final GenerationRequests requests;

    OpenAiModelsResource(ProviderRegistry providers, CurrentUser currentUser, ModelCatalogue catalogue,
            ModelLifecycle lifecycle, GenerationRequests requests) {
        this.requests = requests;
        this.providers = providers;
        this.currentUser = currentUser;
        this.catalogue = catalogue;
        this.lifecycle = lifecycle;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ModelList> list() {
        return currentUser.call(userId -> Uni.createFrom().item(() -> {
            List<Model> models = new ArrayList<>();
            models.add(new Model("auto", "model", 0, "atelier", null));
            for (ImageProvider provider : providers.all()) {
                if (provider.configured()) {
                    String owner = provider.id().name().toLowerCase(Locale.ROOT);
                    models.add(new Model(owner, "model", 0, owner, null));
                    Set<String> ids = new LinkedHashSet<>();
                    ids.add(provider.model());
                    catalogue.models(provider.id()).forEach(m -> ids.add(m.id()));
                    for (String id : ids) {
                        if (pins(provider, id) && lifecycle.retired(provider.id(), id).isEmpty()) {
                            LocalDate shutdown = lifecycle.shutdownDate(provider.id(), id);
                            models.add(new Model(id, "model", 0, owner, shutdown == null ? null : shutdown.toString()));
                        }
                    }
                }
            }
            return new ModelList("list", List.copyOf(models));
        }));
    }

    private boolean pins(ImageProvider provider, String model) {
        try {
            return OpenAiImageRequest.provider(model, requests::servedBy) == provider.id();
        } catch (AtelierException unknownName) {
            return false;
        }
    }

    @ServerExceptionMapper
    RestResponse<OpenAiError> refused(AtelierException e) {
        return OpenAiError.of(e.code(), e.getMessage(), 0);
    }
}
