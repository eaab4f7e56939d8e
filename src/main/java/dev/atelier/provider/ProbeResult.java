package dev.atelier.provider;

/**
 * A cheap health check's outcome (never a paid generation).
 *
 * @param status    UP, DEGRADED or DOWN
 * @param detail    a short, safe explanation ("401 from /v1/models", "12.3 credits left")
 * @param latencyMs how long the probe took
 */
public record ProbeResult(String status, String detail, long latencyMs) {

    public static ProbeResult up(String detail, long latencyMs) {
        return new ProbeResult("UP", detail, latencyMs);
    }

    public static ProbeResult degraded(String detail, long latencyMs) {
        return new ProbeResult("DEGRADED", detail, latencyMs);
    }

    public static ProbeResult down(String detail, long latencyMs) {
        return new ProbeResult("DOWN", detail, latencyMs);
    }
}
