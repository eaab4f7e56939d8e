package dev.atelier.job;

import org.eclipse.microprofile.graphql.NonNull;

/** Why a job failed: a code from the error list and a message for people. */
public record JobError(@NonNull String code, @NonNull String message) {
}
