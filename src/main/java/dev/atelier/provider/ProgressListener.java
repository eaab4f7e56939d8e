package dev.atelier.provider;

/** Receives progress while a provider works: fraction 0..1 (never decreasing) and a short stage label. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fraction, stage) -> {
    };

    void progress(double fraction, String stage);
}
