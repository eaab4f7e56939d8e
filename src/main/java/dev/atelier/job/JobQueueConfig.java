package dev.atelier.job;

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

    /** Most images one batch (generateImages) may request. */
    @WithDefault("10")
    int maxBatch();
}
