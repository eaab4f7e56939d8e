package dev.atelier.job;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Description;

/**
 * Lifecycle of a generation job; SUCCEEDED, FAILED and CANCELLED are terminal. The declaration order is the
 * lifecycle order, the one source of it: {@code JobStore} ranks statuses in SQL from it, subscriptions never move
 * backwards by it, and the web UI's copy ({@code frontend-svelte/src/lib/progress.ts}) is checked against this
 * declaration by a unit test ({@code progress.test.ts}). The unfinished statuses in SQL are {@link #UNFINISHED_SQL} (the spend ledger, a layer below, spells
 * them out once more in its query).
 */
@Description("Lifecycle of a generation job; SUCCEEDED, FAILED and CANCELLED are terminal.")
public enum JobStatus {
    QUEUED, ENHANCING, GENERATING, STORING, SUCCEEDED, FAILED, CANCELLED;

    /** The statuses that are not terminal, as an SQL list: {@code ('QUEUED', 'ENHANCING', ...)}. */
    public static final String UNFINISHED_SQL = Arrays.stream(values()).filter(s -> !s.terminal())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    /** Whether no further transition is possible. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
