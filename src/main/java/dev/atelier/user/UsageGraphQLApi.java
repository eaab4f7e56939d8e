package dev.atelier.user;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.pagination.Ids;
import io.smallrye.mutiny.Uni;

/** Spend against budgets: your own, or (admins) anyone's; admins set per-user limits. */
@GraphQLApi
public class UsageGraphQLApi {

    private final SpendLedger ledger;
    private final CurrentUser currentUser;

    UsageGraphQLApi(SpendLedger ledger, CurrentUser currentUser) {
        this.ledger = ledger;
        this.currentUser = currentUser;
    }

    @Query("usage")
    @Description("Your spend today and this month against your budget; admins may ask for another user's (userId).")
    public Uni<@NonNull Usage> usage(@Id @Name("userId") String userId) {
        if (userId == null) {
            return currentUser.call(me -> ledger.spend(me).map(Usage::of));
        }
        UUID other = Ids.parse(userId, "user");
        return currentUser.asAdmin(admin -> ledger.spend(other).map(Usage::of));
    }

    @Mutation("setBudget")
    @Description("Admins: sets a user's daily and/or monthly limit in USD (an omitted one is kept).")
    public Uni<@NonNull Usage> setBudget(@NonNull @Id @Name("userId") String userId, @Name("dailyUsd") Double dailyUsd,
            @Name("monthlyUsd") Double monthlyUsd) {
        return Uni.createFrom().item(() -> new Limits(Ids.parse(userId, "user"), money(dailyUsd), money(monthlyUsd)))
                .flatMap(limits -> currentUser.asAdmin(admin -> ledger.setLimits(limits.user(), limits.daily(),
                        limits.monthly()).chain(() -> ledger.spend(limits.user())).map(Usage::of)));
    }

    /** The most a limit can be: what numeric(12,6) holds. */
    static final BigDecimal MAX_LIMIT = new BigDecimal("999999.999999");

    private static BigDecimal money(Double value) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value.isInfinite() || value < 0 || BigDecimal.valueOf(value).compareTo(MAX_LIMIT) > 0) {
            throw AtelierException.badInput("A limit must be between 0 and " + MAX_LIMIT.toPlainString() + " USD");
        }
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    /** setBudget's arguments, validated. */
    private record Limits(UUID user, BigDecimal daily, BigDecimal monthly) {
    }
}
