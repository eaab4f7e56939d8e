package dev.atelier.common.graphql;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Local mode: any valid operation answers in full, however many database-backed root fields it composes. */
@QuarkusTest
class ComposedOperationsTest {

    static ComposedOperations operations;

    @BeforeEach
    void seedOnce() {
        if (operations == null) {
            operations = new ComposedOperations(null).seed();
        }
    }

    @Test
    void twoRootFields() {
        for (int offset = 0; offset < ComposedOperations.fieldCount(); offset++) {
            operations.assertComposed(2, offset);
        }
    }

    @Test
    void fiveRootFields() {
        for (int offset = 0; offset < ComposedOperations.fieldCount(); offset += 5) {
            operations.assertComposed(5, offset);
        }
    }

    @RepeatedTest(5)
    void twentyRootFieldsWithEveryQueryAliased() {
        operations.assertComposed(20, 0);
    }
}
