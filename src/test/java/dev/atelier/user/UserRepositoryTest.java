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

    static final String ISSUER = "https://issuer.one.test";

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
        asserter.assertThat(() -> directory.upsert(new CurrentUser.Profile(ISSUER, subject, "old@example.org", "Old", true))
                .flatMap(first -> directory.upsert(new CurrentUser.Profile(ISSUER, subject, "new@example.org", null, true))
                        .map(second -> new UUID[] { first, second })),
                ids -> assertThat(ids[1]).isEqualTo(ids[0]));
        asserter.assertThat(() -> Panache.withSession(() -> users.findBySubject(subject)), found -> {
            assertThat(found.email).isEqualTo("new@example.org");
            assertThat(found.displayName).as("a missing claim keeps the stored name").isEqualTo("Old");
        });
        asserter.assertThat(() -> Panache.withSession(() -> users.count("subject", subject)),
                count -> assertThat(count).isEqualTo(1L));
    }

    @Test
    @RunOnVertxContext
    void theSameSubjectFromTwoIssuersOrFromTheLocalUserIsTwoPeople(UniAsserter asserter) {
        String subject = "same-" + UUID.randomUUID();
        asserter.assertThat(() -> directory.upsert(new CurrentUser.Profile(ISSUER, subject, null, null, true))
                .flatMap(one -> directory.upsert(new CurrentUser.Profile("https://issuer.two.test", subject, null, null,
                        true)).map(two -> new UUID[] { one, two })),
                ids -> assertThat(ids[1]).isNotEqualTo(ids[0]));
        // an identity provider's user whose subject is "local" is not the local user
        asserter.assertThat(() -> directory.upsert(new CurrentUser.Profile(CurrentUser.LOCAL_ISSUER, "local", null, null,
                true)).flatMap(local -> directory.upsert(new CurrentUser.Profile(ISSUER, "local", null, null, false))
                        .map(impostor -> new UUID[] { local, impostor })),
                ids -> assertThat(ids[1]).isNotEqualTo(ids[0]));
    }

    @Test
    @RunOnVertxContext
    void aRowFromBeforeIssuersIsAdoptedByTheFirstSignInOfItsSubject(UniAsserter asserter) {
        UserEntity legacy = legacyUser("legacy-");
        asserter.execute(() -> Panache.withTransaction(() -> users.persist(legacy)));
        asserter.assertThat(() -> directory.upsert(new CurrentUser.Profile(ISSUER, legacy.subject, "l@example.org", null,
                true)), id -> assertThat(id).as("the existing user keeps their id and data").isEqualTo(legacy.id));
        asserter.assertThat(() -> Panache.withSession(() -> users.findById(legacy.id)),
                found -> assertThat(found.issuer).isEqualTo(ISSUER));
        // a later token of the same subject from another issuer is somebody else
        asserter.assertThat(() -> directory.upsert(new CurrentUser.Profile("https://issuer.two.test", legacy.subject,
                null, null, true)), id -> assertThat(id).isNotEqualTo(legacy.id));
    }

    @Test
    @RunOnVertxContext
    void anOidcTokenNeverAdoptsTheLocalUsersRow(UniAsserter asserter) {
        UserEntity legacyLocal = legacyUser("local-"); // stands for the configured local subject
        asserter.execute(() -> Panache.withTransaction(() -> users.persist(legacyLocal)));
        asserter.assertThat(() -> directory.upsert(new CurrentUser.Profile(ISSUER, legacyLocal.subject, null, null,
                false)), id -> assertThat(id).isNotEqualTo(legacyLocal.id));
    }

    /** A user row as it was before issuers were recorded (issuer ''). */
    private static UserEntity legacyUser(String subjectPrefix) {
        UserEntity user = new UserEntity();
        user.id = UUID.randomUUID();
        user.issuer = "";
        user.subject = subjectPrefix + user.id;
        user.createdAt = TestData.now();
        user.updatedAt = user.createdAt;
        return user;
    }
}
