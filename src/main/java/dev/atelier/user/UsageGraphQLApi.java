package dev.atelier.user;

import java.math.BigDecimal;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

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
        UUID user = Ids.parse(userId, "user");
        return currentUser.asAdmin(admin -> ledger.setLimits(user, money(dailyUsd), money(monthlyUsd))
                .chain(() -> ledger.spend(user)).map(Usage::of));
    }

    private static BigDecimal money(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
