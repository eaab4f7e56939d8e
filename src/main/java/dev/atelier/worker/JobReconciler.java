package dev.atelier.worker;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.common.config.RedisKeys;
import dev.atelier.job.JobStore;
import dev.atelier.queue.JobQueue;
import dev.atelier.queue.JobQueueConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

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
    private final ReactiveValueCommands<String, String> values;
    private final String lock;
    private final Counter requeued;
    private volatile boolean stopping;

    JobReconciler(JobStore jobs, JobQueue queue, JobQueueConfig config, ReactiveRedisDataSource redis, RedisKeys keys,
            MeterRegistry registry) {
        this.jobs = jobs;
        this.queue = queue;
        this.config = config;
        this.values = redis.value(String.class, String.class);
        this.lock = keys.key("reconciler");
        this.requeued = Counter.builder("atelier.jobs.reconciled").description("Unfinished jobs put back on the queue")
                .register(registry);
    }

    /** A stopping replica leaves reconciling to the others (its pools are closing under it). */
    void stop(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${atelier.jobs.reconcile-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!config.workerEnabled() || stopping) {
            return Uni.createFrom().voidItem();
        }
        return reconcileIfLeader()
                .onFailure().invoke(e -> LOG.warnf("reconcile failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Integer> reconcileIfLeader() {
        long ttl = Math.max(1000, config.reconcileEvery().toMillis() - 100);
        return values.setAndChanged(lock, "1", new SetArgs().nx().px(ttl))
                .flatMap(won -> Boolean.TRUE.equals(won) ? reconcile() : Uni.createFrom().item(0));
    }

    /** Re-enqueues the unattended jobs missing from the stream; returns how many. */
    public Uni<Integer> reconcile() {
        return jobs.unattended(config.reconcileGrace(), BATCH).flatMap(candidates -> candidates.isEmpty()
                ? Uni.createFrom().item(0)
                : queue.jobsInStream(config.reconcileMaxEntries()).flatMap(present -> enqueueMissing(candidates,
                        present)));
    }

    private Uni<Integer> enqueueMissing(List<UUID> candidates, JobQueue.Present present) {
        if (!present.complete()) {
            LOG.infof("Reconciler skipped: the job stream holds more than %d entries (a backlog being worked "
                    + "through); it looks again when the backlog is shorter", config.reconcileMaxEntries());
            return Uni.createFrom().item(0);
        }
        List<UUID> missing = candidates.stream().filter(id -> !present.jobs().contains(id)).toList();
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
