package dev.atelier.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;
import dev.atelier.provider.catalogue.ModelCatalogue;
import dev.atelier.user.CurrentUser;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;

/** Provider status, cost estimates and routing explanations. */
@GraphQLApi
public class ProviderGraphQLApi {

    private final ProviderRouter router;
    private final ProviderRegistry providers;
    private final ProviderHealth health;
    private final PauseBoard pauses;
    private final CircuitBreakerMaintenance breakers;
    private final CurrentUser currentUser;
    private final GenerationRequests requests;
    private final ModelLifecycle lifecycle;
    private final ModelCatalogue catalogue;

    ProviderGraphQLApi(ProviderRouter router, ProviderRegistry providers, ProviderHealth health, PauseBoard pauses,
            CircuitBreakerMaintenance breakers, CurrentUser currentUser, GenerationRequests requests,
            ModelLifecycle lifecycle, ModelCatalogue catalogue) {
        this.lifecycle = lifecycle;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.requests = requests;
        this.router = router;
        this.providers = providers;
        this.health = health;
        this.pauses = pauses;
        this.breakers = breakers;
    }

    @Query("providers")
    @Description("Every provider: configured or not, health, circuit, latency, success rate and price per image.")
    public Uni<@NonNull List<@NonNull ProviderStatus>> providers() {
        return currentUser.call(userId -> Uni.createFrom().item(this::statuses));
    }

    private List<ProviderStatus> statuses() {
        List<ProviderStatus> list = new ArrayList<>();
        for (ImageProvider p : providers.all()) {
            ProviderHealth.Snapshot s = health.snapshot(p.id());
            String circuit = circuit(p.id());
            Long latency = s.latencyMs() != null ? s.latencyMs() : s.probeLatencyMs();
            Quote one = p.quote(ImageRequest.of("price", 1024, 1024));
            boolean enabled = p.configured() && !"DOWN".equals(s.status()) && !"OPEN".equals(circuit);
            list.add(new ProviderStatus(p.id(), p.model(), p.configured(), enabled, p.configured() ? s.status() : "DOWN",
                    circuit, s.checkedAt(), latency == null ? null : latency.intValue(),
                    s.samples() == 0 ? null : s.successRate(), one.usd().doubleValue(),
                    p.configured() ? s.detail() : "not configured", (int) Math.min(Integer.MAX_VALUE, pauses.pausedFor(p.id())),
                    lifecycle.status(p.id(), p.model()), lifecycle.shutdownDate(p.id(), p.model()),
                    p.configured() ? lifecycle.warnings(p.id(), p.model()) : List.of()));
        }
        return list;
    }

    @Query("models")
    @Description("The models Atelier knows, for one provider or all: capabilities, price, lifecycle and sources.")
    public Uni<@NonNull List<@NonNull ProviderModel>> models(@Name("provider") ProviderId provider) {
        return currentUser.call(userId -> Uni.createFrom().item(() -> catalogue.all().stream()
                .filter(m -> provider == null || m.provider() == provider)
                .map(m -> new ProviderModel(m.id(), m.provider(), m.displayName(), lifecycle.status(m.provider(), m.id()),
                        lifecycle.shutdownDate(m.provider(), m.id()), m.replacement(), m.capabilities(),
                        m.pricing().describe(), m.quality(), providers.get(m.provider())
                                .map(p -> p.configured() && p.model().equals(m.id())).orElse(false), m.sources()))
                .toList()));
    }

    @Query("estimateCost")
    @Description("The price on the provider the router would choose, and every alternative with why it is or isn't eligible.")
    public Uni<@NonNull CostEstimate> estimateCost(@NonNull @Name("input") GenerateImageInput input) {
        return currentUser.call(userId -> Uni.createFrom().item(() -> requests.toRouting(input, null))
                .call(checked -> requests.ownedPrompt(userId, requests.promptId(input)))
                .map(this::estimate));
    }

    private CostEstimate estimate(RoutingRequest request) {
        return CostEstimate.of(router.decide(request));
    }

    @Query("selectProvider")
    @Description("The chain of providers the router would try for this input, and the reasons.")
    public Uni<@NonNull ProviderDecision> selectProvider(@NonNull @Name("input") GenerateImageInput input) {
        return currentUser.call(userId -> Uni.createFrom().item(() -> requests.toRouting(input, null))
                .call(checked -> requests.ownedPrompt(userId, requests.promptId(input)))
                .map(request -> {
                    RoutingDecision decision = router.decide(request);
                    return new ProviderDecision(decision.chain(), decision.reasons());
                }));
    }

    private String circuit(ProviderId id) {
        try {
            return breakers.currentState(id.name().toLowerCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException noBreaker) {
            return "CLOSED";
        }
    }
}
