package dev.atelier.job;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.common.config.RedisKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The database is the truth, the stream only a to-do list: every {@code reconcile-every}, one replica (a Redis lock)
 * puts back on the stream every unfinished job that nobody holds, that has waited past the grace period, and that
 * has no entry (the enqueue after the insert failed, Redis lost its data, a rate-limit wait outlived its replica).
 * A duplicate entry is harmless: the job's lease lets only one worker run it.
 */
@ApplicationScoped
public class JobReconciler {

    private static final Logger LOG = Logger.getLogger(JobReconciler.class);
    private static final int BATCH = 500;

    private final JobStore jobs;
    private final JobQueue queue;
    private final JobQueueConfig config;
    private final ReactiveRedisDataSource redis;
    private final String lock;
    private final Counter requeued;
    private Cancellable schedule;

    JobReconciler(JobStore jobs, JobQueue queue, JobQueueConfig config, ReactiveRedisDataSource redis, RedisKeys keys,
            MeterRegistry registry) {
        this.jobs = jobs;
        this.queue = queue;
        this.config = config;
        this.redis = redis;
        this.lock = keys.key("reconciler");
        this.requeued = Counter.builder("atelier.jobs.reconciled").description("Unfinished jobs put back on the queue")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        schedule = Multi.createFrom().ticks().every(config.reconcileEvery())
                .onItem().transformToUniAndConcatenate(tick -> reconcileIfLeader()
                        .onFailure().invoke(e -> LOG.warnf("reconcile failed: %s", e.getMessage()))
                        .onFailure().recoverWithNull())
                .subscribe().with(n -> {
                });
    }

    void stop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.cancel();
        }
    }

    private Uni<Integer> reconcileIfLeader() {
        long ttl = Math.max(1000, config.reconcileEvery().toMillis() - 100);
        return redis.execute("SET", lock, "1", "NX", "PX", Long.toString(ttl))
                .flatMap(won -> won == null ? Uni.createFrom().item(0) : reconcile());
    }

    /** Re-enqueues the unattended jobs missing from the stream; returns how many. */
    public Uni<Integer> reconcile() {
        return jobs.unattended(config.reconcileGrace(), BATCH).flatMap(candidates -> candidates.isEmpty()
                ? Uni.createFrom().item(0)
                : queue.jobsInStream(100_000).flatMap(present -> enqueueMissing(candidates, present)));
    }

    private Uni<Integer> enqueueMissing(List<UUID> candidates, Set<UUID> present) {
        List<UUID> missing = candidates.stream().filter(id -> !present.contains(id)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(missing)
                .onItem().transformToUniAndConcatenate(id -> queue.enqueue(id).replaceWith(id))
                .collect().asList()
                .invoke(done -> {
                    requeued.increment(done.size());
                    LOG.infof("Reconciler put %d unfinished job(s) back on the queue: %s", done.size(),
                            done.size() <= 5 ? done : done.subList(0, 5) + "…");
                })
                .map(List::size);
    }
}
