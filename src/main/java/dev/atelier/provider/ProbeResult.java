package dev.atelier.provider;

import java.time.LocalDate;
import java.util.Map;

/**
 * A cheap health check's outcome (never a paid generation).
 *
 * @param status    UP, DEGRADED or DOWN
 * @param detail    a short, safe explanation ("401 from /v1/models", "12.3 credits left")
 * @param latencyMs how long the probe took
 * @param shutdowns the shutdown dates the vendor's model list announces, by model id (vendors that list them:
 *                  OpenAI's {@code GET /v1/models} {@code shutdown_date}); empty otherwise
 */
public record ProbeResult(String status, String detail, long latencyMs, Map<String, LocalDate> shutdowns) {

    public ProbeResult {
        shutdowns = shutdowns == null ? Map.of() : Map.copyOf(shutdowns);
    }

    public ProbeResult(String status, String detail, long latencyMs) {
        this(status, detail, latencyMs, Map.of());
    }

    public static ProbeResult up(String detail, long latencyMs) {
        return new ProbeResult("UP", detail, latencyMs);
    }

    public static ProbeResult degraded(String detail, long latencyMs) {
        return new ProbeResult("DEGRADED", detail, latencyMs);
    }

    public static ProbeResult down(String detail, long latencyMs) {
        return new ProbeResult("DOWN", detail, latencyMs);
    }

    /** The same result with the shutdown dates a model list announced. */
    public ProbeResult withShutdowns(Map<String, LocalDate> announced) {
        return new ProbeResult(status, detail, latencyMs, announced);
    }
}
