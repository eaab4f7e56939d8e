package dev.atelier.routing;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the router chooses and paces providers. */
@ConfigMapping(prefix = "atelier.routing")
public interface RoutingConfig {

    /** Most providers tried for one request (primary, secondary, final backup). */
    @WithDefault("3")
    int maxChain();

    /** {@code auto}: LOCAL joins AUTO routing only when no vendor is configured; {@code always}; {@code never}. */
    @WithDefault("auto")
    String localInAuto();

    /** Whether a content-policy refusal ends the chain (rather than trying the next provider). */
    @WithDefault("true")
    boolean stopOnContentPolicy();

    /**
     * Quality score 0..1 per provider ({@code OPENAI}) or provider and model ({@code OPENAI.gpt-image-2}), used by
     * priority QUALITY and budget HIGH; each overrides the model's prior in the catalogue.
     */
    Map<String, Double> quality();

    /** Model lifecycle: how early a coming shutdown is reported. */
    Models models();

    interface Models {
        /** A model this close to its shutdown date is a warning (providers, readiness, metric, daily log). */
        @WithDefault("30")
        int warnDays();

        /**
         * How long a vendor's "model not found" marks the model retired for the cluster before it is tried again (a
         * vendor answers the same for a model an account may not use, a wrong region or proxy path).
         */
        @WithDefault("PT24H")
        Duration retiredFor();

        /** How often every replica reloads the retirements other replicas have recorded. */
        @WithDefault("5s")
        String refreshEvery();
    }

    /** Expected generation time per provider in ms, until measured latency (EWMA) replaces it. */
    Map<String, Long> expectedLatencyMs();

    /** Health checks. */
    Health health();

    /** Cluster-wide rate limits per provider. */
    Map<String, RateLimit> rateLimit();

    interface Health {
        /** How often every configured provider is probed (free endpoints only). */
        @WithDefault("60s")
        String interval();

        /** Outcomes remembered per provider for the passive success rate. */
        @WithDefault("20")
        int window();
    }

    interface RateLimit {
        /** Requests allowed per window, across all replicas. */
        int requests();

        /** Window length. */
        @WithDefault("PT1M")
        Duration window();
    }
}
