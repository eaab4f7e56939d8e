package dev.atelier.worker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.atelier.job.JobStatus;
import dev.atelier.job.JobStore;
import dev.atelier.job.ProgressBus;
import dev.atelier.queue.JobQueue;
import dev.atelier.queue.JobQueueConfig;
import dev.atelier.routing.ReplicaProviders;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * This replica's worker: one loop that reads as many queue entries as it has free slots ({@code concurrency}) —
 * abandoned entries of dead workers first (XAUTOCLAIM, at most every {@code reclaim-every}), then new ones — and
 * runs each job once it holds the job's lease. One blocking read per replica, whatever the concurrency, so the
 * Redis pool stays free for everything else. An entry is acknowledged once its run returns. Leases are renewed on a
 * heartbeat; on shutdown the loop stops taking work, running jobs get {@code drain-timeout} to finish, and the rest
 * are handed back to the queue for another replica.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final JobStore jobs;
    private final JobRunner runner;
    private final JobQueueConfig config;
    private final ProgressBus bus;
    private final JobMetrics metrics;
    private final HeldJobs held;
    private final String replica = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final String consumer = replica + "-queue";
    /** Jobs this replica holds, with their queue entries. */
    private final Map<UUID, JobQueue.Entry> running = new ConcurrentHashMap<>();
    /** Runs in progress by entry id, cancelled when their jobs are released on shutdown. */
    private final Map<String, Cancellable> runs = new ConcurrentHashMap<>();
    private final AtomicLong nextReclaim = new AtomicLong();
    private final AtomicInteger free = new AtomicInteger();
    private volatile CompletableFuture<Void> slotFreed = new CompletableFuture<>();
    private Cancellable loop;
    private volatile boolean stopping;

    private final ReplicaProviders replicas;

    JobWorker(JobQueue queue, JobStore jobs, JobRunner runner, JobQueueConfig config, ProgressBus bus,
            JobMetrics metrics, HeldJobs held, ReplicaProviders replicas) {
        this.replicas = replicas;
        this.held = held;
        this.metrics = metrics;
        this.queue = queue;
        this.jobs = jobs;
        this.runner = runner;
        this.config = config;
        this.bus = bus;
    }

    /**
     * Renews the leases of the jobs this replica holds. On every replica: API-only replicas hold the jobs of
     * synchronous requests. The scheduler runs until the beans are destroyed, so leases stay renewed while a stopping
     * worker drains.
     */
    @Scheduled(every = "${atelier.jobs.heartbeat}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renewLeases() {
        return jobs.renewLeases(held.ids(), replica + "-", config.lease())
                .onFailure().invoke(e -> LOG.warnf("lease renewal failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            LOG.info("Job workers disabled on this replica (API only)");
            return;
        }
        queue.ensureGroup().await().atMost(Duration.ofSeconds(10));
        free.set(Math.max(1, config.concurrency()));
        loop = Multi.createBy().repeating()
                .uni(() -> freeSlots().flatMap(slots -> next(slots)
                        .onFailure().recoverWithUni(this::readFailed))
                        .invoke(entries -> entries.forEach(this::dispatch))
                        .replaceWith(1))
                .whilst(ignored -> !stopping)
                .subscribe().with(n -> {
                }, e -> LOG.error("job worker loop ended", e));
        LOG.infof("Job worker %s started: up to %d jobs at once", consumer, free.get());
    }

    /** The number of free slots, once there is at least one. */
    private Uni<Integer> freeSlots() {
        int slots = free.get();
        if (slots > 0) {
            return Uni.createFrom().item(slots);
        }
        CompletableFuture<Void> freed = slotFreed;
        if (free.get() > 0) {
            return Uni.createFrom().item(free.get());
        }
        return Uni.createFrom().completionStage(freed).replaceWith(() -> Math.max(1, free.get()));
    }

    private void releaseSlot() {
        free.incrementAndGet();
        CompletableFuture<Void> freed = slotFreed;
        slotFreed = new CompletableFuture<>();
        freed.complete(null);
    }

    private void dispatch(JobQueue.Entry entry) {
        free.decrementAndGet();
        AtomicBoolean ended = new AtomicBoolean();
        Cancellable run = handle(entry)
                .onTermination().invoke(() -> {
                    ended.set(true);
                    runs.remove(entry.entryId());
                    releaseSlot();
                })
                .subscribe().with(ok -> {
                }, e -> LOG.errorf(e, "job=%s handling failed", entry.jobId()));
        runs.put(entry.entryId(), run);
        if (ended.get()) {
            runs.remove(entry.entryId());
        }
    }

    /** Abandoned entries when a reclaim is due and finds some, else new entries. */
    private Uni<List<JobQueue.Entry>> next(int slots) {
        long now = System.nanoTime();
        long due = nextReclaim.get();
        if (now - due >= 0 && nextReclaim.compareAndSet(due, now + config.reclaimEvery().toNanos())) {
            return queue.reclaim(consumer, config.reclaimIdle(), slots).flatMap(reclaimed -> {
                if (!reclaimed.isEmpty()) {
                    LOG.infof("reclaimed %d abandoned queue entries (first job=%s)", reclaimed.size(),
                            reclaimed.get(0).jobId());
                    return Uni.createFrom().item(reclaimed);
                }
                return queue.read(consumer, slots, config.block().toMillis());
            });
        }
        return queue.read(consumer, slots, config.block().toMillis());
    }

    private Uni<List<JobQueue.Entry>> readFailed(Throwable failure) {
        LOG.warnf("job queue read failed: %s", failure.getMessage());
        Uni<Void> recovery = JobQueue.groupMissing(failure) ? queue.ensureGroup()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(500));
        return recovery.onFailure().recoverWithNull().replaceWith(List.of());
    }

    private Uni<Void> handle(JobQueue.Entry entry) {
        if (stopping) {
            return handOff(entry);
        }
        return jobs.claim(entry.jobId(), consumer, config.lease()).flatMap(claim -> {
            if (claim == null) {
                // finished (ack), or held by a live worker: leave the entry pending; it is claimed again later
                return jobs.finished(entry.jobId()).flatMap(done -> done ? queue.ack(entry.entryId())
                        : Uni.createFrom().voidItem());
            }
            running.put(claim.jobId(), entry);
            held.hold(claim.jobId());
            metrics.started(claim.waitedSeconds());
            long startedNanos = System.nanoTime();
            // a run that returns has finished the job, handed it back (with a new entry), or lost it to a worker
            // that took it over: this entry is done. A run that failed leaves it pending, to be claimed again.
            return runner.run(claim)
                    .call(() -> queue.ack(entry.entryId()))
                    .invoke(outcome -> metrics.ended(outcome == null ? null : outcome.status(),
                            outcome == null ? null : outcome.provider(), System.nanoTime() - startedNanos))
                    .replaceWithVoid()
                    .onFailure().invoke(e -> LOG.errorf(e, "job=%s processing failed; its entry stays pending",
                            entry.jobId()))
                    .onFailure().recoverWithNull()
                    .eventually(() -> {
                        running.remove(claim.jobId());
                        held.let(claim.jobId());
                    });
        });
    }

    /** Gives an entry this stopping replica received but will not run back to the queue. */
    private Uni<Void> handOff(JobQueue.Entry entry) {
        return queue.enqueue(entry.jobId()).chain(() -> queue.ack(entry.entryId()));
    }

    /** The holder name of jobs this replica runs inside a request (the OpenAI-compatible endpoint). */
    public String inlineHolder() {
        return replica + "-inline";
    }

    /**
     * The first shutdown signal (SIGTERM; before Quarkus waits for open HTTP requests): take no new entry from here on,
     * hand back any that arrive, and stop announcing this replica's providers.
     */
    void stopClaiming(@Observes ShutdownDelayInitiatedEvent event) {
        if (!stopping) {
            stopping = true;
            LOG.infof("Job worker %s stops taking jobs: shutting down", consumer);
        }
        replicas.withdraw().await().atMost(Duration.ofSeconds(2));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        replicas.withdraw().await().atMost(Duration.ofSeconds(2));
        if (loop == null) {
            return;
        }
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        loop.cancel();
        runs.values().forEach(Cancellable::cancel);
        release();
    }

    /** Hands the jobs still running back to the queue: new entries first, then the old ones are acknowledged. */
    private void release() {
        Map<UUID, JobQueue.Entry> held = Map.copyOf(running);
        try {
            List<JobStore.Released> released = jobs.release(replica + "-", "released by a stopping worker")
                    .await().atMost(Duration.ofSeconds(5));
            for (JobStore.Released job : released) {
                queue.enqueue(job.jobId())
                        .chain(() -> bus.publish(job.userId(), job.jobId(), JobStatus.QUEUED,
                                "released by a stopping worker", 0, null, "requeued"))
                        .await().atMost(Duration.ofSeconds(2));
            }
            for (JobQueue.Entry entry : held.values()) {
                queue.ack(entry.entryId()).await().atMost(Duration.ofSeconds(2));
            }
            if (!released.isEmpty()) {
                LOG.infof("Released %d running job(s) back to the queue on shutdown", released.size());
            }
        } catch (RuntimeException e) {
            // their leases lapse and another replica takes them over
            LOG.warnf("Could not release running jobs on shutdown (%s); they will be reclaimed", e.getMessage());
        }
    }
}
