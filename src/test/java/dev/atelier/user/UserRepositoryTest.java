package dev.atelier.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.TestData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;

@QuarkusTest
class UserRepositoryTest {

    @Inject
    UserRepository users;

    @Inject
    UserDirectory directory;

    @Test
    @RunOnVertxContext
    void writesAndReadsBackEveryColumn(UniAsserter asserter) {
        UserEntity user = new UserEntity();
        user.id = UUID.randomUUID();
        user.subject = "oidc|" + user.id;
        user.email = "ada@example.org";
        user.displayName = "Ada Lovelace";
        user.roles = Set.of("user", "admin");
        user.dailyBudget = new BigDecimal("2.500000");
        user.monthlyBudget = new BigDecimal("40.123456");
        user.createdAt = TestData.now();
        user.updatedAt = user.createdAt.plusSeconds(1);

        asserter.execute(() -> Panache.withTransaction(() -> users.persist(user)));
        asserter.assertThat(() -> Panache.withSession(() -> users.findBySubject(user.subject)), found -> {
            assertThat(found.id).isEqualTo(user.id);
            assertThat(found.email).isEqualTo("ada@example.org");
            assertThat(found.displayName).isEqualTo("Ada Lovelace");
            assertThat(found.roles).containsExactlyInAnyOrder("user", "admin");
            assertThat(found.dailyBudget).isEqualByComparingTo("2.5");
            assertThat(found.monthlyBudget).isEqualByComparingTo("40.123456");
            assertThat(found.createdAt).isEqualTo(user.createdAt);
            assertThat(found.updatedAt).isEqualTo(user.updatedAt);
        });
    }

    @Test
    @RunOnVertxContext
    void upsertKeepsOneRowPerSubjectAndRefreshesProfile(UniAsserter asserter) {
        String subject = "upsert-" + UUID.randomUUID();
        asserter.assertThat(() -> directory.upsert(new CurrentUser.Profile(subject, "old@example.org", "Old"))
                .flatMap(first -> directory.upsert(new CurrentUser.Profile(subject, "new@example.org", null))
                        .map(second -> new UUID[] { first, second })),
                ids -> assertThat(ids[1]).isEqualTo(ids[0]));
        asserter.assertThat(() -> Panache.withSession(() -> users.findBySubject(subject)), found -> {
            assertThat(found.email).isEqualTo("new@example.org");
            assertThat(found.displayName).as("a missing claim keeps the stored name").isEqualTo("Old");
        });
        asserter.assertThat(() -> Panache.withSession(() -> users.count("subject", subject)),
                count -> assertThat(count).isEqualTo(1L));
    }
}
