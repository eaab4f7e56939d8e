package dev.atelier.provider;

import io.smallrye.mutiny.Uni;

/**
 * One image generation back end. Implementations are CDI beans carrying their own named circuit breaker, retry
 * and time limit; they throw {@link ProviderException} (classified) and nothing else.
 */
public interface ImageProvider {

    ProviderId id();

    /** The model requests go to unless the router names another ({@link ImageRequest#model()}): the configured one. */
    String model();

    /** Whether the provider has what it needs (credentials, base URL) to be called at all. */
    boolean configured();

    /** What the configured model can do. */
    ProviderCapabilities capabilities();

    /** What {@code model} can do, for a request the router sends to another model than the configured one. */
    default ProviderCapabilities capabilities(String model) {
        return capabilities();
    }

    /** The price of the request (its model's, from the catalogue and the operator's overrides). */
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
