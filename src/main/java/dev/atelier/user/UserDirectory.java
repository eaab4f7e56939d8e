package dev.atelier.user;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Creates and reads users, keyed by (issuer, subject). The upsert is one statement, so concurrent first requests of a
 * user cannot race; before it, a row from before issuers were recorded (issuer '') with the same subject is adopted,
 * so existing users keep their data.
 */
@ApplicationScoped
public class UserDirectory {

    private static final String ADOPT = """
            update users set issuer = $1, updated_at = now()
             where issuer = '' and subject = $2
               and not exists (select 1 from users u where u.issuer = $1 and u.subject = $2)""";

    private static final String UPSERT = """
            insert into users (id, issuer, subject, email, display_name, roles, created_at, updated_at)
            values ($1, $2, $3, $4, $5, 'user', now(), now())
            on conflict (issuer, subject) do update
               set email = coalesce(excluded.email, users.email),
                   display_name = coalesce(excluded.display_name, users.display_name),
                   updated_at = now()
            returning id""";

    private final Pool pool;

    UserDirectory(Pool pool) {
        this.pool = pool;
    }

    /** Creates the user or refreshes their email and name; returns their id. */
    public Uni<UUID> upsert(CurrentUser.Profile profile) {
        if (profile.subject() == null || profile.subject().isBlank()) {
            return Uni.createFrom().failure(AtelierException.unauthenticated());
        }
        return pool.withTransaction(tx -> (profile.mayAdoptLegacy()
                ? tx.preparedQuery(ADOPT).execute(Tuple.of(profile.issuer(), profile.subject())).replaceWithVoid()
                : Uni.createFrom().voidItem())
                .chain(() -> tx.preparedQuery(UPSERT).execute(Tuple.of(UUID.randomUUID(), profile.issuer(),
                        profile.subject(), profile.email(), profile.displayName())))
                .map(rows -> rows.iterator().next().getUUID("id")));
    }

    /** The user, as the API shows them. */
    public Uni<User> byId(UUID id) {
        return pool.preparedQuery("select id, email, display_name from users where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw AtelierException.notFound("User", id);
                    }
                    Row row = rows.iterator().next();
                    return new User(row.getUUID("id").toString(), row.getString("email"), row.getString("display_name"));
                });
    }
}
