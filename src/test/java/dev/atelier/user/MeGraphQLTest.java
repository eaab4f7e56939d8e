package dev.atelier.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeGraphQLTest {

    @Test
    void localModeActsAsTheBuiltInUserCreatedOnFirstUse() {
        String first = GraphQL.post("{ me { id email displayName } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.email", is("local@atelier.invalid"))
                .body("data.me.displayName", is("Local user"))
                .extract().path("data.me.id");
        String second = GraphQL.post("{ me { id } }").extract().path("data.me.id");

        assertThat(first).isNotBlank().isEqualTo(second);
    }
}
