package dev.atelier.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.atelier.provider.ProviderId;

/** One {@code generation_jobs} row as the API shows it (the request and the lease stay with the worker). */
public record JobRow(UUID id, JobStatus status, String stage, double progress, ProviderId provider, String model,
        JobAttempts attempts, BigDecimal estimatedCost, BigDecimal actualCost, String errorCode, String errorMessage,
        UUID promptId, Instant queuedAt, Instant startedAt, Instant finishedAt) {

    /** The columns {@link JobReads} selects, in a query over {@code generation_jobs j}. */
    static final String COLUMNS = "j.id, j.status, j.stage, j.progress, j.provider, j.model, j.attempts, "
            + "j.estimated_cost, j.actual_cost, j.error_code, j.error_message, j.prompt_id, j.queued_at, j.started_at, "
            + "j.finished_at";

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
