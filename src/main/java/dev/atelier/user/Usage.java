package dev.atelier.user;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** GraphQL view of a user's spend against their budget. */
@Description("Spend today and this month (UTC) against the budget: settled costs of finished jobs plus reservations "
        + "of unfinished ones.")
public record Usage(
        @NonNull @Description("Settled today") Double todayUsd,
        @NonNull @Description("Settled this month") Double monthUsd,
        @NonNull @Description("Reserved by unfinished jobs") Double reservedUsd,
        @NonNull Double dailyLimitUsd,
        @NonNull Double monthlyLimitUsd,
        @NonNull Double remainingTodayUsd,
        @NonNull Double remainingMonthUsd) {

    static Usage of(SpendLedger.Spend spend) {
        return new Usage(d(spend.settledToday()), d(spend.settledMonth()), d(spend.reserved()), d(spend.dailyLimit()),
                d(spend.monthlyLimit()), d(spend.remainingToday()), d(spend.remainingMonth()));
    }

    private static Double d(BigDecimal value) {
        return value.doubleValue();
    }
}
