package dev.atelier.user;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Budgets without a second ledger: a job row is its own reservation. While unfinished it commits its estimated
 * cost, once SUCCEEDED its actual cost, and nothing once FAILED or CANCELLED — so reserve, settle and release are the
 * job's own transitions. Admission locks the user's row, so concurrent requests of one user are checked one after
 * the other against what is already committed today (UTC) and this month.
 */
@ApplicationScoped
public class SpendLedger {

    /** A user's committed spend and limits. */
    public record Spend(BigDecimal settledToday, BigDecimal settledMonth, BigDecimal reserved, BigDecimal reservedToday,
            BigDecimal dailyLimit, BigDecimal monthlyLimit) {

        BigDecimal committedToday() {
            return settledToday.add(reservedToday);
        }

        BigDecimal committedMonth() {
            return settledMonth.add(reserved);
        }

        public BigDecimal remainingToday() {
            return dailyLimit.subtract(committedToday()).max(BigDecimal.ZERO);
        }

        public BigDecimal remainingMonth() {
            return monthlyLimit.subtract(committedMonth()).max(BigDecimal.ZERO);
        }
    }

    private static final String SPEND = """
            select coalesce(sum(actual_cost) filter (where status = 'SUCCEEDED'
                                and queued_at >= date_trunc('day', now() at time zone 'utc') at time zone 'utc'), 0) as settled_today,
                   coalesce(sum(actual_cost) filter (where status = 'SUCCEEDED'), 0) as settled_month,
                   coalesce(sum(estimated_cost) filter (where status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING')), 0) as reserved,
                   coalesce(sum(estimated_cost) filter (where status in ('QUEUED', 'ENHANCING', 'GENERATING', 'STORING')
                                and queued_at >= date_trunc('day', now() at time zone 'utc') at time zone 'utc'), 0) as reserved_today
              from generation_jobs
             where user_id = $1 and queued_at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc'""";

    private final Pool pool;
    private final BudgetConfig defaults;

    SpendLedger(Pool pool, BudgetConfig defaults) {
        this.pool = pool;
        this.defaults = defaults;
    }

    public Uni<Spend> spend(UUID userId) {
        return spend(pool, userId, false);
    }

    /**
     * Inside the caller's transaction: locks the user, then fails with BUDGET_EXCEEDED (with the remaining amount)
     * when {@code amount} more would pass the daily or monthly limit. Nothing to reserve (free providers: LOCAL, a
     * self-hosted SD web UI) takes no lock and reads nothing: it cannot pass a limit, so one user's free jobs are
     * not queued behind each other.
     */
    public Uni<Void> reserve(SqlClient transaction, UUID userId, BigDecimal amount) {
        if (amount.signum() <= 0) {
            return Uni.createFrom().voidItem();
        }
        return spend(transaction, userId, true).invoke(spend -> {
            if (spend.committedToday().add(amount).compareTo(spend.dailyLimit()) > 0) {
                throw exceeded("daily", spend.dailyLimit(), spend.remainingToday(), amount);
            }
            if (spend.committedMonth().add(amount).compareTo(spend.monthlyLimit()) > 0) {
                throw exceeded("monthly", spend.monthlyLimit(), spend.remainingMonth(), amount);
            }
        }).replaceWithVoid();
    }

    /** Sets a user's own limits (null keeps the current one); an admin operation. */
    public Uni<Void> setLimits(UUID userId, BigDecimal dailyUsd, BigDecimal monthlyUsd) {
        if ((dailyUsd != null && dailyUsd.signum() < 0) || (monthlyUsd != null && monthlyUsd.signum() < 0)) {
            throw AtelierException.badInput("Budgets cannot be negative");
        }
        return pool.preparedQuery("""
                update users set daily_budget = coalesce($2, daily_budget), monthly_budget = coalesce($3, monthly_budget),
                       updated_at = now()
                 where id = $1""")
                .execute(Tuple.of(userId, dailyUsd, monthlyUsd))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw AtelierException.notFound("User", userId);
                    }
                }).replaceWithVoid();
    }

    private Uni<Spend> spend(SqlClient client, UUID userId, boolean lock) {
        return client.preparedQuery("select daily_budget, monthly_budget from users where id = $1"
                        + (lock ? " for update" : ""))
                .execute(Tuple.of(userId))
                .flatMap(users -> {
                    if (!users.iterator().hasNext()) {
                        return Uni.createFrom().failure(AtelierException.notFound("User", userId));
                    }
                    Row user = users.iterator().next();
                    BigDecimal daily = orDefault(user.getBigDecimal("daily_budget"), defaults.dailyUsd());
                    BigDecimal monthly = orDefault(user.getBigDecimal("monthly_budget"), defaults.monthlyUsd());
                    return client.preparedQuery(SPEND).execute(Tuple.of(userId)).map(rows -> {
                        Row row = rows.iterator().next();
                        return new Spend(row.getBigDecimal("settled_today"), row.getBigDecimal("settled_month"),
                                row.getBigDecimal("reserved"), row.getBigDecimal("reserved_today"), daily, monthly);
                    });
                });
    }

    private static BigDecimal orDefault(BigDecimal value, BigDecimal fallback) {
        return value == null ? fallback : value;
    }

    private static AtelierException exceeded(String period, BigDecimal limit, BigDecimal remaining, BigDecimal amount) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("period", period);
        details.put("limitUsd", limit.doubleValue());
        details.put("remainingUsd", remaining.doubleValue());
        details.put("requestedUsd", amount.doubleValue());
        return new AtelierException(ErrorCode.BUDGET_EXCEEDED, "This would pass your " + period + " budget of $"
                + limit.stripTrailingZeros().toPlainString() + ": $" + remaining.stripTrailingZeros().toPlainString()
                + " remains and the request needs $" + amount.stripTrailingZeros().toPlainString(), details);
    }
}
