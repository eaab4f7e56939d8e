package dev.atelier.routing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/**
 * One try at one provider while serving a request.
 *
 * @param outcome   SUCCEEDED, FAILED, SKIPPED_RATE_LIMITED
 * @param errorCode      the provider error kind (RETRYABLE, CONTENT_POLICY, ...) when it failed
 * @param prompt         the text the provider was sent (its own phrasing, fitted to its length), null when it was
 *                       skipped
 * @param negativePrompt the negative prompt it was sent (only to providers that take one)
 * @param warning        why another model than the one asked for was called (a retired model's replacement)
 */
@Description("One try at one provider.")
public record ProviderAttempt(@NonNull ProviderId provider, String model, @NonNull String outcome, String errorCode,
        Integer latencyMs,
        @Description("The text this provider was sent (its own phrasing, fitted to its length); null when skipped.")
        String prompt,
        @Description("The negative prompt this provider was sent; null when none or it takes none.")
        String negativePrompt,
        @Description("Why another model than the one asked for was called, e.g. a retired model's replacement.")
        String warning) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED_RATE_LIMITED = "SKIPPED_RATE_LIMITED";
}
