package dev.atelier.routing;

import java.time.LocalDate;
import java.util.List;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;
import dev.atelier.provider.catalogue.ModelStatus;

/** A provider as operators and the router see it. */
@Description("A provider's configuration, health, circuit and price.")
public record ProviderStatus(
        @NonNull ProviderId id,
        String model,
        @NonNull boolean configured,
        @NonNull @Description("Configured, and not switched off by a failure (DOWN) or an open circuit.") boolean enabled,
        @NonNull @Description("UP, DEGRADED, DOWN or UNKNOWN") String health,
        @NonNull @Description("CLOSED, OPEN or HALF_OPEN") String circuit,
        Instant lastCheckedAt,
        @Description("Measured generation latency (EWMA), or the probe's when none was measured.") Integer latencyMs,
        @Description("Share of recent real requests that succeeded.") Double successRate,
        Double pricePerImageUsd,
        @Description("What the last probe said.") String detail,
        @Description("Milliseconds left on a vendor rate-limit pause.") Integer pausedMs,
        @Description("The configured model's lifecycle as of today.") ModelStatus modelStatus,
        @Description("The configured model's shutdown date, when known.") LocalDate modelShutdownDate,
        @NonNull @Description("What an operator should act on: a retired model and what serves instead, or a "
                + "shutdown within the warning window (atelier.routing.models.warn-days).")
        List<@NonNull String> warnings) {
}
