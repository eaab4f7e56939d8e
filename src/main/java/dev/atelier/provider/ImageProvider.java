package dev.atelier.provider;

import io.smallrye.mutiny.Uni;

/**
 * One image generation back end. Implementations are CDI beans carrying their own named circuit breaker, retry
 * and time limit; they throw {@link ProviderException} (classified) and nothing else.
 */
public interface ImageProvider {

    ProviderId id();

    /** The model requests go to (from configuration). */
    String model();

    /** Whether the provider has what it needs (credentials, base URL) to be called at all. */
    boolean configured();

    ProviderCapabilities capabilities();

    /** The price of the request from the configured price table. */
    Quote quote(ImageRequest request);

    /** Generates the images, reporting progress where the vendor exposes it. */
    Uni<GenerationResult> generate(ImageRequest request, ProgressListener progress);

    /** A free health check. */
    Uni<ProbeResult> probe();

    /**
     * Asks the vendor to stop work it is doing for us, where the vendor can (the SD web UI's interrupt); a no-op
     * for vendors whose requests cannot be cancelled once sent.
     */
    default Uni<Void> cancel() {
        return Uni.createFrom().voidItem();
    }
}
