package dev.atelier.job;

import org.eclipse.microprofile.graphql.Description;

/**
 * Lifecycle of a generation job; SUCCEEDED, FAILED and CANCELLED are terminal. The declaration order is the
 * lifecycle order, the one source of it: {@code JobStore} ranks statuses in SQL from it, subscriptions never move
 * backwards by it, and the web UI's copy ({@code frontend-svelte/src/lib/progress.ts}) is checked against the
 * schema's enum order, which is this one ({@code e2e/schema-check.mjs}).
 */
@Description("Lifecycle of a generation job; SUCCEEDED, FAILED and CANCELLED are terminal.")
public enum JobStatus {
    QUEUED, ENHANCING, GENERATING, STORING, SUCCEEDED, FAILED, CANCELLED;

    /** Whether no further transition is possible. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
