package dev.atelier.common.graphql;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import dev.atelier.support.OidcProfile;
import dev.atelier.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** OIDC mode: composed operations of a signed-in user, the first of them before the user row exists. */
@QuarkusTest
@TestProfile(OidcProfile.class)
class ComposedOperationsOidcTest {

    static ComposedOperations operations;

    @BeforeEach
    void seedOnce() {
        if (operations == null) {
            operations = new ComposedOperations(Tokens.user("composer-" + UUID.randomUUID())).seed();
        }
    }

    @Test
    void aNewUsersFirstRequestComposesRootFields() {
        new ComposedOperations(Tokens.user("first-" + UUID.randomUUID()))
                .assertFirstSight();
    }

    @Test
    void twoAndFiveRootFields() {
        for (int offset = 0; offset < ComposedOperations.fieldCount(); offset++) {
            operations.assertComposed(2, offset);
            operations.assertComposed(5, offset);
        }
    }

    @RepeatedTest(3)
    void twentyRootFields() {
        operations.assertComposed(20, 3);
    }
}
