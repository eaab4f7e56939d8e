package dev.atelier.job;

import dev.atelier.provider.ProviderId;

/** One try at one provider while running a job, as kept in {@code generation_jobs.attempts} (jsonb). */
public record JobAttempt(ProviderId provider, String model, String outcome, String errorCode, Long latencyMs) {
}
