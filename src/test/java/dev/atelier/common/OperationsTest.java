package dev.atelier.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Health, metrics, the GraphQL UI and schema, and the configuration the tests themselves run on. */
@QuarkusTest
class OperationsTest {

    @Inject
    Pool pool;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @Test
    void readinessCoversPostgresAndRedis() {
        given().when().get(ready).then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Redis connection health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get(live).then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get(metrics).then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void graphqlUiAndSchemaAreServed() {
        given().when().get("/q/graphql-ui/").then().statusCode(200).body(containsString("<html"));
        given().when().get("/graphql/schema.graphql").then()
                .statusCode(200)
                .body(containsString("type User"))
                .body(containsString("me: User!"));
    }

    @Test
    void everyAnswerCarriesTheBrowserHardeningHeaders() {
        // the web UI (and the API): its own scripts, styles and connections only, never framed
        given().when().get("/graphql/schema.graphql").then()
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Referrer-Policy", is("no-referrer"))
                .header("X-Frame-Options", is("DENY"));
        // the GraphQL UI is built with inline scripts: framing and sniffing rules only
        given().when().get("/q/graphql-ui/").then()
                .header("Content-Security-Policy", is("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", is("nosniff"));
    }

    /** The test profile sets DATABASE_URL and REDIS_URL in URL form; these are what the app derived from them. */
    @Test
    void urlFormDatabaseAndRedisSettingsAreHonoured() {
        assertThat(reactiveUrl).isEqualTo(
                "postgresql://localhost:5432/postgres?application_name=atelier-test&search_path=atelier_test");
        assertThat(redisHosts).isEqualTo("redis://127.0.0.1:6379/0");
    }

    @Test
    void reactiveConnectionsWorkInTheTestSchema() {
        String value = pool.query("select current_schema() || '/' || current_setting('application_name') as v")
                .execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getString("v");
        assertThat(value).isEqualTo("atelier_test/atelier-test");
    }
}
