package dev.atelier.routing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/**
 * One try at one provider while serving a request.
 *
 * @param outcome   SUCCEEDED, FAILED, SKIPPED_RATE_LIMITED
 * @param errorCode the provider error kind (RETRYABLE, CONTENT_POLICY, ...) when it failed
 */
@Description("One try at one provider.")
public record ProviderAttempt(@NonNull ProviderId provider, String model, @NonNull String outcome, String errorCode,
        Integer latencyMs) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED_RATE_LIMITED = "SKIPPED_RATE_LIMITED";
}
