package dev.atelier.support;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/** Signed test JWTs: good ones, and expired, wrong-issuer and forged ones. */
public final class Tokens {

    public static final String ISSUER = "https://issuer.atelier.test";

    private Tokens() {
    }

    public static String user(String subject) {
        return sign(subject, Set.of("user"), ISSUER, Instant.now().plusSeconds(600), "/jwt/test-private.pem");
    }

    public static String admin(String subject) {
        return sign(subject, Set.of("user", "admin"), ISSUER, Instant.now().plusSeconds(600), "/jwt/test-private.pem");
    }

    public static String expired(String subject) {
        return sign(subject, Set.of("user"), ISSUER, Instant.now().minusSeconds(3600), "/jwt/test-private.pem");
    }

    public static String wrongIssuer(String subject) {
        return sign(subject, Set.of("user"), "https://somebody-else.test", Instant.now().plusSeconds(600),
                "/jwt/test-private.pem");
    }

    /** Well-formed, right issuer, but signed with a key the service does not trust. */
    public static String forged(String subject) {
        return sign(subject, Set.of("user", "admin"), ISSUER, Instant.now().plusSeconds(600), "/jwt/forger-private.pem");
    }

    /** Signed by the trusted key, right issuer, but no {@code sub}: it does not say whom it is for. */
    public static String withoutSubject(String upn) {
        try {
            return Jwt.issuer(ISSUER).upn(upn).groups(Set.of("user")).expiresAt(Instant.now().plusSeconds(600))
                    .sign(KeyUtils.readPrivateKey("/jwt/test-private.pem"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String subject, Set<String> groups, String issuer, Instant expires, String key) {
        try {
            PrivateKey privateKey = KeyUtils.readPrivateKey(key);
            return Jwt.issuer(issuer).subject(subject).upn(subject).groups(groups)
                    .claim("email", subject + "@example.org").claim("name", "User " + subject)
                    .issuedAt(expires.minusSeconds(900)).expiresAt(expires)
                    .sign(privateKey);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
