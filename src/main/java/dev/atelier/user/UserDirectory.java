package dev.atelier.user;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Creates and reads users, keyed by (issuer, subject). The upsert is one statement, so concurrent first requests of a
 * user cannot race; before it, a row from before issuers were recorded (issuer '') with the same subject is adopted,
 * so existing users keep their data.
 */
@ApplicationScoped
public class UserDirectory {

    private static final String ADOPT = """
            update users set issuer = :issuer, updated_at = now()
             where issuer = '' and subject = :subject
               and not exists (select 1 from users u where u.issuer = :issuer and u.subject = :subject)""";

    private static final String UPSERT = """
            insert into users (id, issuer, subject, email, display_name, roles, created_at, updated_at)
            values (:id, :issuer, :subject, :email, :name, 'user', now(), now())
            on conflict (issuer, subject) do update
               set email = coalesce(excluded.email, users.email),
                   display_name = coalesce(excluded.display_name, users.display_name),
                   updated_at = now()
            returning id""";

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    /** Creates the user or refreshes their email and name; returns their id. */
    public Uni<UUID> upsert(CurrentUser.Profile profile) {
        if (profile.subject() == null || profile.subject().isBlank()) {
            return Uni.createFrom().failure(AtelierException.unauthenticated());
        }
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> (profile.mayAdoptLegacy()
                ? session.createNativeQuery(ADOPT).setParameter("issuer", profile.issuer())
                        .setParameter("subject", profile.subject()).executeUpdate()
                : Uni.createFrom().item(0))
                .flatMap(adopted -> session.createNativeQuery(UPSERT, UUID.class)
                .setParameter("id", UUID.randomUUID())
                .setParameter("issuer", profile.issuer())
                .setParameter("subject", profile.subject())
                .setParameter("email", profile.email())
                .setParameter("name", profile.displayName())
                .getSingleResult())));
    }

    @WithSession
    public Uni<UserEntity> byId(UUID id) {
        return users.findById(id).onItem().ifNull().failWith(() -> AtelierException.notFound("User", id));
    }
}
