package dev.atelier.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * This replica's workers: {@code concurrency} loops, each taking one queue entry at a time — abandoned entries of
 * dead workers first (XAUTOCLAIM, at most every {@code reclaim-every}), then new ones — claiming the job's lease and
 * running it. An entry is acknowledged only once its job is terminal. Leases are renewed on a heartbeat; on shutdown
 * the loops stop taking work, running jobs get {@code drain-timeout} to finish, and the rest are handed back to the
 * queue for another replica.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final JobStore jobs;
    private final JobRunner runner;
    private final JobQueueConfig config;
    private final ProgressBus bus;
    private final String replica = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Cancellable> loops = new ArrayList<>();
    private final Map<UUID, JobQueue.Entry> running = new ConcurrentHashMap<>();
    private final AtomicLong nextReclaim = new AtomicLong();
    private Cancellable heartbeat;
    private volatile boolean stopping;

    JobWorker(JobQueue queue, JobStore jobs, JobRunner runner, JobQueueConfig config, ProgressBus bus) {
        this.queue = queue;
        this.jobs = jobs;
        this.runner = runner;
        this.config = config;
        this.bus = bus;
    }

    void start(@Observes StartupEvent event) {
        // leases are renewed on every replica: API-only replicas hold the jobs of synchronous requests
        heartbeat = Multi.createFrom().ticks().every(config.heartbeat())
                .onItem().transformToUniAndConcatenate(tick -> jobs.renewLeases(replica + "-", config.lease())
                        .onFailure().invoke(e -> LOG.warnf("lease renewal failed: %s", e.getMessage()))
                        .onFailure().recoverWithNull())
                .subscribe().with(n -> {
                });
        if (!config.workerEnabled()) {
            LOG.info("Job workers disabled on this replica (API only)");
            return;
        }
        queue.ensureGroup().await().atMost(Duration.ofSeconds(10));
        for (int i = 0; i < Math.max(1, config.concurrency()); i++) {
            String consumer = replica + "-" + i;
            loops.add(Multi.createBy().repeating()
                    .uni(() -> next(consumer)
                            .onFailure().recoverWithUni(this::readFailed)
                            .flatMap(entries -> Uni.join().all(entries.stream().map(e -> handle(e, consumer)).toList())
                                    .usingConcurrencyOf(1).andCollectFailures().replaceWithVoid()
                                    .onFailure().recoverWithNull()
                                    .replaceWith(entries.size())))
                    .whilst(ignored -> !stopping)
                    .subscribe().with(n -> {
                    }, e -> LOG.error("job worker loop ended", e)));
        }
        LOG.infof("Job workers started: %d on %s", loops.size(), replica);
    }

    /** Abandoned entries when a reclaim is due and finds some, else new entries. */
    private Uni<List<JobQueue.Entry>> next(String consumer) {
        long now = System.nanoTime();
        long due = nextReclaim.get();
        if (now - due >= 0 && nextReclaim.compareAndSet(due, now + config.reclaimEvery().toNanos())) {
            return queue.reclaim(consumer, config.reclaimIdle(), 1).flatMap(reclaimed -> {
                if (!reclaimed.isEmpty()) {
                    LOG.infof("reclaimed abandoned queue entry for job=%s", reclaimed.get(0).jobId());
                    return Uni.createFrom().item(reclaimed);
                }
                return queue.read(consumer, 1, config.block().toMillis());
            });
        }
        return queue.read(consumer, 1, config.block().toMillis());
    }

    private Uni<List<JobQueue.Entry>> readFailed(Throwable failure) {
        LOG.warnf("job queue read failed: %s", failure.getMessage());
        Uni<Void> recovery = JobQueue.groupMissing(failure) ? queue.ensureGroup()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(500));
        return recovery.onFailure().recoverWithNull().replaceWith(List.of());
    }

    private Uni<Void> handle(JobQueue.Entry entry, String consumer) {
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
            // a run that returns has finished the job, handed it back (with a new entry), or lost it to a worker
            // that took it over: this entry is done. A run that failed leaves it pending, to be claimed again.
            return runner.run(claim)
                    .chain(() -> queue.ack(entry.entryId()))
                    .onFailure().invoke(e -> LOG.errorf(e, "job=%s processing failed; its entry stays pending",
                            entry.jobId()))
                    .onFailure().recoverWithNull()
                    .eventually(() -> running.remove(claim.jobId()));
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

    void stop(@Observes ShutdownEvent event) {
        if (loops.isEmpty()) {
            if (heartbeat != null) {
                heartbeat.cancel();
            }
            return;
        }
        stopping = true;
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        loops.forEach(Cancellable::cancel);
        if (heartbeat != null) {
            heartbeat.cancel();
        }
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

    /** Jobs this replica is running now. */
    public int runningCount() {
        return running.size();
    }
}
