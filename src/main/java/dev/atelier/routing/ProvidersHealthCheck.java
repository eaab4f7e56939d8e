package dev.atelier.routing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.atelier.provider.ImageProvider;

/**
 * Each provider's state in the readiness data. Always UP: a vendor outage is the router's business (it fails
 * over), not a reason to take this replica out of the load balancer.
 */
@Readiness
@ApplicationScoped
public class ProvidersHealthCheck implements HealthCheck {

    private final ProviderRegistry providers;
    private final ProviderHealth health;
    private final ModelWatch models;

    ProvidersHealthCheck(ProviderRegistry providers, ProviderHealth health, ModelWatch models) {
        this.providers = providers;
        this.health = health;
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Image providers").up();
        for (ImageProvider provider : providers.all()) {
            builder.withData(provider.id().name(), provider.configured() ? health.snapshot(provider.id()).status()
                    : "NOT_CONFIGURED");
            List<String> warnings = models.warnings(provider);
            if (!warnings.isEmpty()) {
                builder.withData(provider.id().name() + ".warnings", String.join("; ", warnings));
            }
        }
        return builder.build();
    }
}
