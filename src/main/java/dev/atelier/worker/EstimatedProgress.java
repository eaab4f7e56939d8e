package dev.atelier.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Progress a vendor does not report, estimated from the time a generation has taken against the time the provider
 * usually takes: every {@code atelier.jobs.progress-tick}, each generation running on this replica gets the fraction
 * of its expected latency that has passed, capped below the end (95%) until the provider answers. One timer for all
 * of them, not one per job.
 */
@ApplicationScoped
class EstimatedProgress {

    private static final double CAP = 0.95;

    private record Estimate(long startedNanos, long expectedMs, DoubleConsumer report) {
    }

    /** Ends an estimate: the provider answered, or the run ended. */
    interface Handle {
        void end();
    }

    private final Map<Object, Estimate> running = new ConcurrentHashMap<>();

    /** Starts estimating a generation expected to take {@code expectedMs}; {@code report} gets fractions 0..0.95. */
    Handle start(long expectedMs, DoubleConsumer report) {
        Object key = new Object();
        running.put(key, new Estimate(System.nanoTime(), Math.max(1, expectedMs), report));
        return () -> running.remove(key);
    }

    @Scheduled(every = "${atelier.jobs.progress-tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long now = System.nanoTime();
        running.values().forEach(e -> e.report().accept(Math.min(CAP, (now - e.startedNanos()) / 1e6 / e.expectedMs())));
    }
}
