package dev.atelier.common.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Local mode: no page of another site, and no DNS name pointed at this machine, can drive the service. */
@QuarkusTest
class CrossSiteTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void crossSiteRequestsAreRefusedWithNothingStored() {
        new CrossSiteAttempts(pool, null).refusedWithNothingStored();
    }

    @Test
    void theServicesOwnOriginStillWorks() {
        new CrossSiteAttempts(pool, null).ownOriginWorks(port);
    }

    @Test
    void aHostNameThatIsNotThisMachineIsRefused() {
        // DNS rebinding: evil.example resolves to 127.0.0.1, so its page is "same origin" with the service
        String rebound = "evil.example:" + port;
        assertThat(given().header("Host", rebound).get("/graphql/schema.graphql").statusCode()).isEqualTo(403);
        assertThat(given().header("Host", rebound).header("Origin", "http://" + rebound).contentType("application/json")
                .body("{\"query\": \"{ me { id } }\"}").post("/graphql").statusCode()).isEqualTo(403);
        assertThat(given().header("Host", "127.0.0.1:" + port).get("/graphql/schema.graphql").statusCode()).isEqualTo(200);
    }
}
