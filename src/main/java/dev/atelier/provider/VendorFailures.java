package dev.atelier.provider;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;

/**
 * Turns whatever a provider call threw into a {@link ProviderException}: classified vendor errors pass through;
 * transport failures (connection refused or reset, unreadable body), time-outs and an open circuit become
 * RETRYABLE, since another provider may well succeed.
 */
public final class VendorFailures {

    private static final Logger LOG = Logger.getLogger(VendorFailures.class);

    private VendorFailures() {
    }

    /**
     * Like {@link #classify(ProviderId, Throwable)}, with the vendor's error answers ({@link VendorHttpError}, from the
     * REST client's exception mapper) classified by {@code vendorErrors}, which knows the vendor's error shape.
     */
    public static ProviderException classify(ProviderId provider, Throwable failure,
            Function<VendorHttpError, ProviderException> vendorErrors) {
        return failure instanceof VendorHttpError answer ? vendorErrors.apply(answer) : classify(provider, failure);
    }

    public static ProviderException classify(ProviderId provider, Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof ProviderException) && !(t instanceof TimeoutException)
                && !(t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException)
                && !(t instanceof CircuitBreakerOpenException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof ProviderException known) {
            return known;
        }
        if (t instanceof TimeoutException || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return transientFailure(provider, provider + " did not answer in time");
        }
        if (t instanceof CircuitBreakerOpenException) {
            return transientFailure(provider, provider + " is paused after repeated failures (circuit open)");
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                // the typed REST clients read the body: a 200 that is not the vendor's JSON lands here
                return transientFailure(provider, provider + " returned a body that is not its JSON answer");
            }
        }
        LOG.debugf(failure, "%s call failed below HTTP", provider);
        return transientFailure(provider, provider + " could not be reached");
    }

    /** A RETRYABLE failure with no HTTP status (transport level). */
    public static ProviderException transientFailure(ProviderId provider, String message) {
        return ProviderException.of(provider, ProviderErrorKind.RETRYABLE, message, null, 0, Duration.ZERO);
    }
}
