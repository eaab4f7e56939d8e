package dev.atelier.provider;

import java.time.Duration;

/**
 * A classified provider failure. The message is safe to show to users (it never contains credentials or raw
 * vendor payloads beyond the vendor's own error message). Subclasses exist so fault-tolerance annotations can
 * tell them apart: {@link Transient} is retried, {@link Refusal} is neither retried nor counted against the
 * provider's circuit breaker, everything else is not retried but does count.
 */
public class ProviderException extends RuntimeException {

    private final ProviderId provider;
    private final ProviderErrorKind kind;
    private final Duration retryAfter;
    private final int httpStatus;

    protected ProviderException(ProviderId provider, ProviderErrorKind kind, String message, Duration retryAfter,
            int httpStatus) {
        super(message, null, false, false);
        this.provider = provider;
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
    }

    /**
     * The right subclass for the kind. A rate limit is transient (worth waiting for here) when the vendor asked for
     * at most {@code maxRetryWait}, or said nothing (then exponential backoff applies).
     */
    public static ProviderException of(ProviderId provider, ProviderErrorKind kind, String message, Duration retryAfter,
            int httpStatus, Duration maxRetryWait) {
        return switch (kind) {
            case RETRYABLE -> new Transient(provider, kind, message, retryAfter, httpStatus);
            case RATE_LIMITED -> retryAfter == null || retryAfter.compareTo(maxRetryWait) <= 0
                    ? new Transient(provider, kind, message, retryAfter, httpStatus)
                    : new ProviderException(provider, kind, message, retryAfter, httpStatus);
            // a model the vendor no longer serves says nothing about the provider's health: not counted by its breaker
            case CONTENT_POLICY, BAD_REQUEST, MODEL_RETIRED -> new Refusal(provider, kind, message, retryAfter, httpStatus);
            default -> new ProviderException(provider, kind, message, retryAfter, httpStatus);
        };
    }

    public ProviderId provider() {
        return provider;
    }

    public ProviderErrorKind kind() {
        return kind;
    }

    /** How long the vendor asked us to wait (429), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The vendor's HTTP status, or 0 when there was no response (timeout, unreadable body). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Worth retrying on the same provider: 5xx, timeouts, resets, short rate limits. */
    public static final class Transient extends ProviderException {
        Transient(ProviderId provider, ProviderErrorKind kind, String message, Duration retryAfter, int httpStatus) {
            super(provider, kind, message, retryAfter, httpStatus);
        }
    }

    /** The vendor refused this request (content policy, bad parameter, a model it no longer serves): not the provider's fault. */
    public static final class Refusal extends ProviderException {
        Refusal(ProviderId provider, ProviderErrorKind kind, String message, Duration retryAfter, int httpStatus) {
            super(provider, kind, message, retryAfter, httpStatus);
        }
    }
}
