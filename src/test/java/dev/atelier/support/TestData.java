package dev.atelier.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.atelier.user.UserEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Small factories for rows tests need as context. */
public final class TestData {

    private TestData() {
    }

    /** Now, at the microsecond precision PostgreSQL keeps, so round trips compare equal. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Uni<UserEntity> user() {
        UserEntity user = new UserEntity();
        user.id = UUID.randomUUID();
        user.subject = "test-" + user.id;
        user.email = user.subject + "@example.org";
        user.displayName = "Test " + user.id.toString().substring(0, 8);
        user.createdAt = now();
        user.updatedAt = user.createdAt;
        return Panache.withTransaction(user::persist).replaceWith(user);
    }
}
