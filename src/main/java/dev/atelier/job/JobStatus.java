package dev.atelier.job;

import org.eclipse.microprofile.graphql.Description;

/** Lifecycle of a generation job; SUCCEEDED, FAILED and CANCELLED are terminal. */
@Description("Lifecycle of a generation job; SUCCEEDED, FAILED and CANCELLED are terminal.")
public enum JobStatus {
    QUEUED, ENHANCING, GENERATING, STORING, SUCCEEDED, FAILED, CANCELLED;

    /** Whether no further transition is possible. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
