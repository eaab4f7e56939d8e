package dev.atelier.worker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.job.JobStatus;
import dev.atelier.queue.JobQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Job metrics (all listed in docs/observability.md): jobs finished by status, how long jobs waited in the queue and
 * ran, jobs running on this replica, and the queue's depth and pending entries as read from Redis every 5 s.
 */
@ApplicationScoped
public class JobMetrics {

    private final MeterRegistry registry;
    private final JobQueue queue;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private final Timer queueWait;

    JobMetrics(MeterRegistry registry, JobQueue queue) {
        this.registry = registry;
        this.queue = queue;
        this.queueWait = Timer.builder("atelier.jobs.queue.wait").description("Time from enqueue to a worker taking the job")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("atelier.jobs.queue.depth", depth, AtomicLong::get)
                .description("Entries in the job stream: waiting plus delivered but not yet acknowledged").register(registry);
        Gauge.builder("atelier.jobs.queue.pending", pending, AtomicLong::get)
                .description("Entries delivered to a worker and not yet acknowledged").register(registry);
        Gauge.builder("atelier.jobs.running", running, AtomicLong::get)
                .description("Jobs running on this replica").register(registry);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return queue.depth().invoke(depth::set)
                .chain(queue::pending).invoke(pending::set)
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    void started(double waitedSeconds) {
        running.incrementAndGet();
        queueWait.record(Duration.ofMillis(Math.round(waitedSeconds * 1000)));
    }

    /** A run on this replica ended; the job is counted when it is terminal (not when it was handed back). */
    void ended(JobStatus status, String provider, long runNanos) {
        running.decrementAndGet();
        if (status == null || !status.terminal()) {
            return;
        }
        Counter.builder("atelier.jobs.finished").description("Jobs that reached a terminal state")
                .tag("status", status.name()).tag("provider", provider == null ? "none" : provider)
                .register(registry).increment();
        Timer.builder("atelier.jobs.run").description("Time from a worker taking a job to its end")
                .tag("status", status.name()).publishPercentileHistogram().register(registry)
                .record(Duration.ofNanos(runNanos));
    }
}
