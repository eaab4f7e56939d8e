package dev.atelier.support;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.provider.ProviderId;
import dev.atelier.routing.ModelRetirements;
import dev.atelier.routing.PauseBoard;
import dev.atelier.routing.ProviderHealth;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Everything a test of the provider profile starts from: every vendor fake without stubs or recorded requests, and
 * the router's view of every provider fresh - breakers closed, health, rate-limit pauses and model retirements
 * cleared (they live in Redis, shared by the test classes).
 */
@ApplicationScoped
public class ProviderState {

    private final ProviderHealth health;
    private final PauseBoard pauses;
    private final CircuitBreakerMaintenance breakers;
    private final ModelRetirements retirements;

    ProviderState(ProviderHealth health, PauseBoard pauses, CircuitBreakerMaintenance breakers,
            ModelRetirements retirements) {
        this.health = health;
        this.pauses = pauses;
        this.breakers = breakers;
        this.retirements = retirements;
    }

    public void reset() {
        VendorWireMock.resetServers();
        breakers.resetAll();
        for (ProviderId id : ProviderId.values()) {
            health.reset(id).await().atMost(Duration.ofSeconds(5));
            pauses.resume(id).await().atMost(Duration.ofSeconds(5));
        }
        retirements.forgetAll().await().atMost(Duration.ofSeconds(5));
    }
}
