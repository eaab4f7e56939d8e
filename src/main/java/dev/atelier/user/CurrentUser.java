package dev.atelier.user;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.atelier.common.OwnContext;
import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Who is calling. In OIDC mode the token's issuer and subject (created or updated on first sight); in local mode the
 * built-in local user. Anonymous callers in OIDC mode get {@code UNAUTHENTICATED}.
 */
@ApplicationScoped
public class CurrentUser {

    /** The issuer recorded for the built-in local user. */
    public static final String LOCAL_ISSUER = "urn:atelier:local";
    /** Recorded for a token without an {@code iss} claim. */
    static final String UNSPECIFIED_ISSUER = "urn:atelier:unspecified-issuer";
    /** Recorded for an authenticated identity that is not a JWT. */
    static final String PRINCIPAL_ISSUER = "urn:atelier:principal";

    private final AuthConfig config;
    private final UserDirectory directory;
    private final CurrentIdentityAssociation identity;
    /** issuer + subject → user id: the id never changes, so one upsert per identity per JVM is enough. */
    private final Cache<String, UUID> ids = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    @Inject
    CurrentUser(AuthConfig config, UserDirectory directory, CurrentIdentityAssociation identity) {
        this.config = config;
        this.directory = directory;
        this.identity = identity;
    }

    /**
     * The caller's user id, creating the user row on first sight. The identity is read on the caller's context;
     * the upsert runs on a context of its own (see {@link OwnContext}).
     */
    public Uni<UUID> id() {
        return identity.getDeferredIdentity().flatMap(who -> OwnContext.run(() -> idOfIdentity(who)));
    }

    /**
     * Runs {@code work} for the caller, with a data-access context of its own: every GraphQL resolver goes through
     * here (or {@link #read}), so root fields resolved side by side never share a database session.
     */
    public <R> Uni<R> call(Function<UUID, Uni<R>> work) {
        return id().flatMap(userId -> OwnContext.run(() -> work.apply(userId)));
    }

    /**
     * Validates an argument, then runs {@code work} for the caller with it. Validation runs inside the pipeline, so
     * a bad argument becomes a coded GraphQL error like any other failure.
     */
    public <A, R> Uni<R> call(Supplier<A> argument, BiFunction<UUID, A, Uni<R>> work) {
        return Uni.createFrom().item(argument).flatMap(value -> call(userId -> work.apply(userId, value)));
    }

    /**
     * Whether the caller may administer: the admin role in their token, or local mode (the single user owns the
     * installation).
     */
    public Uni<Boolean> isAdmin() {
        return identity.getDeferredIdentity().map(who -> {
            if (who != null && !who.isAnonymous()) {
                return who.hasRole(config.adminRole());
            }
            return config.mode() == AuthConfig.Mode.LOCAL;
        });
    }

    /** Runs {@code work} only for an admin; anyone else gets FORBIDDEN (UNAUTHENTICATED when anonymous). */
    public <R> Uni<R> asAdmin(Function<UUID, Uni<R>> work) {
        return id().flatMap(userId -> isAdmin().flatMap(admin -> admin ? OwnContext.run(() -> work.apply(userId))
                : Uni.createFrom().failure(new AtelierException(ErrorCode.FORBIDDEN,
                        "Only an administrator may do this"))));
    }

    /**
     * Runs {@code work} for the reader of shared content, given as the argument validated first: the caller's id,
     * or null for an anonymous caller when anonymous reading is allowed (otherwise an anonymous caller is
     * UNAUTHENTICATED).
     */
    public <A, R> Uni<R> read(boolean anonymousAllowed, Supplier<A> argument, BiFunction<UUID, A, Uni<R>> work) {
        return Uni.createFrom().item(argument).flatMap(value -> identity.getDeferredIdentity()
                .flatMap(who -> OwnContext.run(() -> (anonymousAllowed && (who == null || who.isAnonymous())
                        && config.mode() == AuthConfig.Mode.OIDC ? Uni.createFrom().<UUID>nullItem() : idOfIdentity(who))
                        .flatMap(reader -> work.apply(reader, value)))));
    }

    /** The caller's full user row. */
    public Uni<User> user() {
        return call(directory::byId);
    }

    private Uni<UUID> idOfIdentity(SecurityIdentity securityIdentity) {
        Profile profile = profileOf(securityIdentity);
        String key = profile.issuer() + "\n" + profile.subject();
        UUID known = ids.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return directory.upsert(profile).invoke(id -> ids.put(key, id));
    }

    private Profile profileOf(SecurityIdentity securityIdentity) {
        String localSubject = config.localUser().subject();
        if (securityIdentity != null && !securityIdentity.isAnonymous()) {
            if (securityIdentity.getPrincipal() instanceof JsonWebToken jwt) {
                String subject = jwt.getSubject();
                if (subject == null || subject.isBlank()) {
                    throw AtelierException.unauthenticated(); // a token that does not say whom it is for
                }
                String issuer = jwt.getIssuer() == null || jwt.getIssuer().isBlank() ? UNSPECIFIED_ISSUER : jwt.getIssuer();
                return new Profile(issuer, subject, jwt.getClaim("email"),
                        firstNonNull(jwt.getClaim("name"), jwt.getClaim("preferred_username")),
                        !subject.equals(localSubject));
            }
            return new Profile(PRINCIPAL_ISSUER, securityIdentity.getPrincipal().getName(), null, null, false);
        }
        if (config.mode() == AuthConfig.Mode.LOCAL) {
            AuthConfig.LocalUser local = config.localUser();
            return new Profile(LOCAL_ISSUER, local.subject(), local.email(), local.displayName(), true);
        }
        throw AtelierException.unauthenticated();
    }

    private static String firstNonNull(Object a, Object b) {
        Object v = a != null ? a : b;
        return v == null ? null : v.toString();
    }

    /**
     * What the identity tells about a user. {@code mayAdoptLegacy}: a row from before issuers were recorded, with
     * this subject, is this user's (never for an OIDC token whose subject is the local user's).
     */
    public record Profile(String issuer, String subject, String email, String displayName, boolean mayAdoptLegacy) {
    }
}
