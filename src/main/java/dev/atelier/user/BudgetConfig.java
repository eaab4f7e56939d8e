package dev.atelier.user;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Default spending limits per user, in USD; an admin can set other limits per user (setBudget). */
@ConfigMapping(prefix = "atelier.budget")
public interface BudgetConfig {

    /** Most a user may commit per UTC day. */
    @WithDefault("10.00")
    BigDecimal dailyUsd();

    /** Most a user may commit per UTC calendar month. */
    @WithDefault("100.00")
    BigDecimal monthlyUsd();
}
