package dev.atelier.common.http;

import static io.restassured.RestAssured.given;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.atelier.support.OidcProfile;
import dev.atelier.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * OIDC mode: even with a valid token, a request from another site's page is refused; an allowed origin
 * ({@link OidcProfile#ALLOWED_ORIGIN}) gets CORS answers and works.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class CrossSiteOidcTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    final String token = Tokens.user("cross-site-" + UUID.randomUUID());

    @Test
    void crossSiteRequestsAreRefusedWithNothingStored() {
        new CrossSiteAttempts(pool, token).refusedWithNothingStored();
    }

    @Test
    void theServicesOwnOriginStillWorks() {
        new CrossSiteAttempts(pool, token).ownOriginWorks(port);
    }

    @Test
    void returnedUrlsComeFromThePublicUrlNotTheHostHeader() {
        String url = given().header("Authorization", "Bearer " + token).header("Host", "evil.example")
                .contentType("application/json")
                .body("{\"prompt\": \"a lighthouse\", \"size\": \"256x256\", \"response_format\": \"url\"}")
                .post("/v1/images/generations").then().statusCode(200).extract().path("data[0].url");
        org.assertj.core.api.Assertions.assertThat(url).startsWith("http://localhost:" + port + "/images/")
                .doesNotContain("evil.example");
    }

    @Test
    void anAllowedOriginGetsCorsAnswers() {
        given().header("Origin", OidcProfile.ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options("/graphql").then().statusCode(204)
                .header("Access-Control-Allow-Origin", is(OidcProfile.ALLOWED_ORIGIN))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("authorization"));
        given().header("Origin", OidcProfile.ALLOWED_ORIGIN).header("Authorization", "Bearer " + token)
                .contentType("application/json").body("{\"query\": \"{ me { id } }\"}").post("/graphql").then()
                .statusCode(200).header("Access-Control-Allow-Origin", is(OidcProfile.ALLOWED_ORIGIN))
                .body("errors", nullValue());
        // no CORS answer for anyone else
        given().header("Origin", CrossSiteAttempts.EVIL).header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().header("Access-Control-Allow-Origin", nullValue());
    }
}
