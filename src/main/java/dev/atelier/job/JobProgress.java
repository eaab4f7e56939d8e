package dev.atelier.job;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/** One step of a job's life, as pushed to subscribers. */
@Description("A job's state at one moment, pushed live.")
public record JobProgress(@NonNull @Id String jobId, @NonNull JobStatus status, String stage, Double progress,
        Integer queuePosition, Integer etaSeconds, ProviderId provider, String message, Instant at) {
}
