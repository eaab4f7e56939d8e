package dev.atelier.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of latency samples (nanoseconds). */
public record Stats(int count, double p50, double p90, double p99, double max, double mean) {

    public static Stats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new Stats(sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], mean);
    }

    private static double at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The figures in the given unit (1_000 for µs, 1_000_000 for ms). */
    public Map<String, Object> in(double divisor) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("p50", round(p50 / divisor));
        map.put("p90", round(p90 / divisor));
        map.put("p99", round(p99 / divisor));
        map.put("max", round(max / divisor));
        map.put("mean", round(mean / divisor));
        return map;
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
