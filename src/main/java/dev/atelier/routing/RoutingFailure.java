package dev.atelier.routing;

import java.util.List;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;

/**
 * The router could not produce an image: CONTENT_POLICY (a provider refused the prompt), RATE_LIMITED (every
 * eligible provider is out of headroom; {@link #retryAfterMs()} says when to try again) or PROVIDER_UNAVAILABLE
 * (all failed). Every attempt is attached.
 */
public class RoutingFailure extends AtelierException {

    private final transient List<ProviderAttempt> attempts;
    private final long retryAfterMs;

    public RoutingFailure(ErrorCode code, String message, List<ProviderAttempt> attempts, long retryAfterMs) {
        super(code, message);
        this.attempts = List.copyOf(attempts);
        this.retryAfterMs = retryAfterMs;
    }

    public List<ProviderAttempt> attempts() {
        return attempts;
    }

    public long retryAfterMs() {
        return retryAfterMs;
    }
}
