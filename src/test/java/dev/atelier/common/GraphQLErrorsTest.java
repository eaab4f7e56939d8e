package dev.atelier.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every error a client can provoke carries extensions.code, a readable message and nothing internal. */
@QuarkusTest
class GraphQLErrorsTest {

    @Test
    void malformedQueryIsBadUserInput() {
        // a document that cannot run is a GraphQL result under application/json (the GraphQL-over-HTTP spec)
        assertClean(GraphQL.post("{ me { id ")
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("Invalid syntax")));
    }

    @Test
    void unknownFieldIsBadUserInput() {
        assertClean(GraphQL.post("{ me { id favouriteColour } }")
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("favouriteColour")));
    }

    @Test
    void tooManyFieldsIsBadUserInput() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            query.append(" a").append(i).append(": me { id email }");
        }
        assertClean(GraphQL.post(query.append(" }").toString())
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("selects 900 fields; the limit is 500")));
    }

    @Test
    void oversizedQueryIsBadUserInput() {
        String query = "{ me { id } }" + " ".repeat(25_000);
        assertClean(GraphQL.post(query)
                .statusCode(200)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("limit")));
    }

    @Test
    void bodyThatIsNotJsonIsBadUserInput() {
        assertClean(GraphQL.postRaw("{\"query\": ")
                .statusCode(400)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", is("The request body is not valid JSON")));
    }

    @Test
    void missingQueryIsBadUserInput() {
        assertClean(GraphQL.postRaw("{\"variables\": {}}")
                .statusCode(400)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT")));
        assertClean(GraphQL.postRaw("[1, 2]")
                .statusCode(400)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT")));
        assertClean(GraphQL.postRaw("")
                .statusCode(400)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT")));
    }

    @Test
    void validQueriesStillWork() {
        GraphQL.post("{ me { id } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.me.id", notNullValue());
    }

    /** No stack traces, exception names or package names ever reach the client. */
    private static void assertClean(ValidatableResponse response) {
        response.body("errors", hasSize(org.hamcrest.Matchers.greaterThan(0)))
                .body("errors.extensions.code", everyItem(notNullValue()))
                .body("errors.extensions.exception", everyItem(nullValue()))
                .body("errors.message", everyItem(not(containsString("Exception"))))
                .body("errors.message", everyItem(not(containsString("dev.atelier"))))
                .body("errors.message", everyItem(not(containsString("\tat "))));
    }
}
