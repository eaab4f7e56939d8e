package dev.atelier.queue;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The job queue and its workers. */
@ConfigMapping(prefix = "atelier.jobs")
public interface JobQueueConfig {

    /** Whether this replica runs workers (a replica can be API-only). */
    @WithDefault("true")
    boolean workerEnabled();

    /** Jobs processed at once by this replica. */
    @WithDefault("4")
    int concurrency();

    /** How long one read waits for new entries before looping. */
    @WithDefault("PT2S")
    Duration block();

    /** Most jobs one batch (generateImages) may create. */
    @WithDefault("10")
    int maxBatch();

    /** How long a worker holds a job without renewing; another worker may take over a job whose lease lapsed. */
    @WithDefault("PT30S")
    Duration lease();

    /** How often a worker renews the leases of the jobs it runs (well under {@link #lease()}). */
    @WithDefault("PT10S")
    Duration heartbeat();

    /** How long an entry stays unacknowledged before another worker claims it (XAUTOCLAIM); at least the lease. */
    @WithDefault("PT45S")
    Duration reclaimIdle();

    /** How often a worker looks for abandoned entries. */
    @WithDefault("PT10S")
    Duration reclaimEvery();

    /** How often the reconciler looks for unfinished jobs that have no queue entry (one replica at a time). */
    @WithDefault("PT30S")
    Duration reconcileEvery();

    /**
     * Most stream entries the reconciler reads to learn which jobs have one. A longer stream is a backlog that is
     * being worked through: the reconciler waits for it to drain rather than read it all every time.
     */
    @WithDefault("10000")
    int reconcileMaxEntries();

    /** How long an unattended job must have waited before the reconciler puts it back on the queue. */
    @WithDefault("PT30S")
    Duration reconcileGrace();

    /** A job taken this many times without finishing (its workers kept dying) fails instead of looping. */
    @WithDefault("3")
    int maxDeliveries();

    /** On shutdown, how long running jobs may take to finish before they are handed back to the queue. */
    @WithDefault("PT20S")
    Duration drainTimeout();

    /** How often a generating job's estimated progress is published (providers without step progress). */
    @WithDefault("PT1S")
    Duration progressTick();
}
