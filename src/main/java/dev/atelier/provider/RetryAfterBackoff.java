package dev.atelier.provider;

import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Backoff for provider retries: the vendor's Retry-After when it gave one, otherwise exponential (initial delay
 * doubled per attempt, capped at 8 s) with up to 50% random jitter so replicas do not retry in lockstep.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {

    static final long MAX_DELAY_MS = 8_000;

    private long initialDelayMs;
    private int attempt;

    @Override
    public void init(long initialDelayInMillis) {
        this.initialDelayMs = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        if (cause instanceof ProviderException failure && failure.retryAfter() != null) {
            attempt++;
            return failure.retryAfter().toMillis();
        }
        long base = Math.min(MAX_DELAY_MS, initialDelayMs << Math.min(attempt++, 20));
        return base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }
}
