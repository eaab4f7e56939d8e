package dev.atelier.job;

import java.util.ArrayList;
import java.util.List;

import dev.atelier.routing.ProviderAttempt;

/**
 * The attempts of a job as stored in {@code generation_jobs.attempts}: a JSON object {@code {"items": [...]}}
 * rather than a bare array, because Hibernate Reactive binds JSON columns as objects only.
 */
public record JobAttempts(List<ProviderAttempt> items) {

    public JobAttempts {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static JobAttempts of(List<ProviderAttempt> items) {
        return new JobAttempts(items);
    }

    /** A new value with one more attempt at the end. */
    public JobAttempts plus(ProviderAttempt attempt) {
        List<ProviderAttempt> next = new ArrayList<>(items);
        next.add(attempt);
        return new JobAttempts(next);
    }
}
