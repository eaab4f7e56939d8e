package dev.atelier.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** In local mode the web UI is told that nobody needs to sign in. */
@QuarkusTest
class UiConfigTest {

    @Test
    void localModeNeedsNoSignIn() {
        given().get("/ui-config.json").then().statusCode(200)
                .body("auth", is("local"))
                .body("issuer", nullValue())
                .body("clientId", nullValue());
    }
}
