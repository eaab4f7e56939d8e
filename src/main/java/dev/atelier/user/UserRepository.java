package dev.atelier.user;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Users by id and by token subject. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, UUID> {

    public Uni<UserEntity> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }
}
