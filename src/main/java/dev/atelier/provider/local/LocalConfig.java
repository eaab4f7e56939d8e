package dev.atelier.provider.local;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The offline preview renderer. */
@ConfigMapping(prefix = "atelier.providers.local")
public interface LocalConfig {

    /** Whether the LOCAL provider is available at all (it always is unless switched off). */
    @WithDefault("true")
    boolean enabled();

    /** Largest width × height drawn. */
    @WithDefault("4194304")
    long maxPixels();

    /**
     * Nominal price per image in USD (default nothing). Lets an installation charge LOCAL renders against budgets,
     * e.g. for internal chargeback, or exercise budgets without a paid vendor.
     */
    @WithDefault("0")
    BigDecimal pricePerImageUsd();
}
