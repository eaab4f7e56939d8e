package dev.atelier.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.gallery.Image;
import dev.atelier.provider.ProviderId;
import dev.atelier.routing.ProviderAttempt;

/** GraphQL view of a generation job. */
@Description("A durable image generation request and how far it got.")
public record GenerationJob(
        @NonNull @Id String id,
        @NonNull JobStatus status,
        String stage,
        @Description("0..1, never decreasing") Double progress,
        Integer queuePosition,
        Integer etaSeconds,
        ProviderId provider,
        String model,
        @NonNull List<@NonNull ProviderAttempt> attempts,
        Double estimatedCostUsd,
        Double actualCostUsd,
        @NonNull List<@NonNull Image> images,
        JobError error,
        @Id String promptId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @NonNull @Description("What the caller should know, e.g. that a retired model's replacement made the images.")
        List<@NonNull String> warnings) {

    static GenerationJob from(JobRow job, List<Image> images, QueueEstimates.Estimate estimate) {
        return new GenerationJob(job.id().toString(), job.status(), job.stage(), job.progress(),
                estimate.queuePosition(), estimate.etaSeconds(), job.provider(), job.model(), job.attempts().items(),
                money(job.estimatedCost()), money(job.actualCost()), images,
                job.errorCode() == null ? null : new JobError(job.errorCode(), job.errorMessage()),
                job.promptId() == null ? null : job.promptId().toString(), job.queuedAt(), job.startedAt(),
                job.finishedAt(), job.attempts().items().stream().map(ProviderAttempt::warning)
                        .filter(w -> w != null && !w.isBlank()).distinct().toList());
    }

    private static Double money(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
