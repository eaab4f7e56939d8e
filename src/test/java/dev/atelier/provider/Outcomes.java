package dev.atelier.provider;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/** Awaits provider calls in tests and exposes failures as values. */
public final class Outcomes {

    private Outcomes() {
    }

    public static <T> T value(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(20));
    }

    public static Throwable failure(Uni<?> uni) {
        try {
            uni.await().atMost(Duration.ofSeconds(20));
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected the call to fail");
    }

    /** The failure as the router will see it. */
    public static ProviderException classified(ProviderId provider, Uni<?> uni) {
        return VendorFailures.classify(provider, failure(uni));
    }
}
