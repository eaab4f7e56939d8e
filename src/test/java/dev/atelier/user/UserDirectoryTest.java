package dev.atelier.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users keyed by (issuer, subject): one row per person, refreshed profiles, adopted legacy rows, no impostors. */
@QuarkusTest
class UserDirectoryTest {

    static final String ISSUER = "https://issuer.one.test";

    @Inject
    UserDirectory directory;

    @Inject
    Pool pool;

    private UUID upsert(String issuer, String subject, String email, String name, boolean mayAdopt) {
        return directory.upsert(new CurrentUser.Profile(issuer, subject, email, name, mayAdopt))
                .await().atMost(Duration.ofSeconds(5));
    }

    private Row row(UUID id) {
        return pool.preparedQuery("select * from users where id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
    }

    private long count(String subject) {
        return pool.preparedQuery("select count(*) as n from users where subject = $1").execute(Tuple.of(subject))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong("n");
    }

    @Test
    void upsertKeepsOneRowPerSubjectAndRefreshesProfile() {
        String subject = "upsert-" + UUID.randomUUID();
        UUID first = upsert(ISSUER, subject, "old@example.org", "Old", true);
        UUID second = upsert(ISSUER, subject, "new@example.org", null, true);

        assertThat(second).isEqualTo(first);
        assertThat(count(subject)).isEqualTo(1);
        User user = directory.byId(first).await().atMost(Duration.ofSeconds(5));
        assertThat(user.email()).isEqualTo("new@example.org");
        assertThat(user.displayName()).as("a missing claim keeps the stored name").isEqualTo("Old");
        assertThat(row(first).getString("issuer")).isEqualTo(ISSUER);
        assertThat(row(first).getString("roles")).isEqualTo("user");
    }

    @Test
    void theSameSubjectFromTwoIssuersOrFromTheLocalUserIsTwoPeople() {
        String subject = "same-" + UUID.randomUUID();
        assertThat(upsert("https://issuer.two.test", subject, null, null, true))
                .isNotEqualTo(upsert(ISSUER, subject, null, null, true));
        // an identity provider's user whose subject is "local" is not the local user
        UUID local = upsert(CurrentUser.LOCAL_ISSUER, "local", null, null, true);
        assertThat(upsert(ISSUER, "local", null, null, false)).isNotEqualTo(local);
    }

    @Test
    void aRowFromBeforeIssuersIsAdoptedByTheFirstSignInOfItsSubject() {
        UUID legacy = legacyUser("legacy-");
        String subject = row(legacy).getString("subject");

        assertThat(upsert(ISSUER, subject, "l@example.org", null, true)).as("the existing user keeps their id and data")
                .isEqualTo(legacy);
        assertThat(row(legacy).getString("issuer")).isEqualTo(ISSUER);
        // a later token of the same subject from another issuer is somebody else
        assertThat(upsert("https://issuer.two.test", subject, null, null, true)).isNotEqualTo(legacy);
    }

    @Test
    void anOidcTokenNeverAdoptsTheLocalUsersRow() {
        UUID legacyLocal = legacyUser("local-"); // stands for the configured local subject
        assertThat(upsert(ISSUER, row(legacyLocal).getString("subject"), null, null, false)).isNotEqualTo(legacyLocal);
    }

    @Test
    void aMissingUserIsNotFound() {
        assertThatThrownBy(() -> directory.byId(UUID.randomUUID()).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(AtelierException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    /** A user row as it was before issuers were recorded (issuer ''). */
    private UUID legacyUser(String subjectPrefix) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into users (id, issuer, subject, created_at, updated_at) values ($1, '', $2, now(), now())")
                .execute(Tuple.of(id, subjectPrefix + id)).await().atMost(Duration.ofSeconds(5));
        return id;
    }
}
