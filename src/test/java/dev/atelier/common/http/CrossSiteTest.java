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
    void refusalsCarryTheHardeningHeadersToo() {
        given().header("Origin", CrossSiteAttempts.EVIL).contentType("application/json").body("{}").post("/graphql")
                .then().statusCode(403)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", org.hamcrest.Matchers.is("nosniff"));
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

    @Test
    void aRequestWithoutAHostHeaderIsRefusedNotAnError() throws Exception {
        String body = "{\"query\": \"{ me { id } }\"}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /graphql HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.0 403");
        }
    }
}
