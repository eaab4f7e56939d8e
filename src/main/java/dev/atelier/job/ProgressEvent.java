package dev.atelier.job;

import java.util.UUID;

/** What travels on the progress channel: the progress plus the owner, so replicas can route it to subscribers. */
public record ProgressEvent(UUID userId, JobProgress progress) {
}
