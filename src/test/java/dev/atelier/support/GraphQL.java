package dev.atelier.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Posts GraphQL operations to the running test application. */
public final class GraphQL {

    private GraphQL() {
    }

    public static ValidatableResponse post(String query) {
        return post(query, Map.of());
    }

    public static ValidatableResponse post(String query, Map<String, Object> variables) {
        return given()
                .contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then();
    }

    /** As the holder of a bearer token. */
    public static ValidatableResponse post(String token, String query, Map<String, Object> variables) {
        return given()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then();
    }

    public static ValidatableResponse postRaw(String body) {
        return given()
                .contentType(ContentType.JSON)
                .body(body)
                .when().post("/graphql")
                .then();
    }
}
