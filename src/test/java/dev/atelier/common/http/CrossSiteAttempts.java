package dev.atelier.common.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What a page of another site (or a DNS name pointed at 127.0.0.1) can try against the service: mutations as
 * {@code text/plain}, as a form and as JSON, the OpenAI-compatible endpoint, a WebSocket upgrade. Each must be refused
 * with nothing stored; the same requests from the service's own origin still work.
 */
final class CrossSiteAttempts {

    static final String EVIL = "http://evil.example";
    static final String MUTATION = "mutation { createCollection(name: \"pwned\", visibility: PUBLIC) { id } }";
    static final String GENERATE = "mutation { generateImage(input: {prompt: \"pwned\", size: \"64x64\"}) { id } }";

    private final Pool pool;
    private final String token;

    CrossSiteAttempts(Pool pool, String token) {
        this.pool = pool;
        this.token = token;
    }

    RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    long rows() {
        return pool.query("select (select count(*) from collections) + (select count(*) from generation_jobs) "
                + "+ (select count(*) from prompts) as n").execute().await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong("n");
    }

    /** Every cross-site attempt is refused (403 or 415) and the database is unchanged. */
    void refusedWithNothingStored() {
        long before = rows();
        for (String query : List.of(MUTATION, GENERATE)) {
            String json = "{\"query\": \"" + query.replace("\"", "\\\"") + "\"}";
            assertThat(request().header("Origin", EVIL).contentType("text/plain").body(json).post("/graphql")
                    .statusCode()).as("text/plain from another site").isIn(403, 415);
            assertThat(request().contentType("text/plain").body(json).post("/graphql").statusCode())
                    .as("text/plain without an origin").isEqualTo(415);
            assertThat(request().header("Origin", EVIL).formParam("query", query).post("/graphql").statusCode())
                    .as("a form from another site").isIn(403, 415);
            assertThat(request().formParam("query", query).post("/graphql").statusCode()).as("a form").isEqualTo(415);
            assertThat(request().header("Origin", EVIL).contentType("application/json").body(json).post("/graphql")
                    .statusCode()).as("JSON from another site").isEqualTo(403);
            assertThat(request().header("Origin", "null").contentType("application/json").body(json).post("/graphql")
                    .statusCode()).as("JSON from a sandboxed frame").isEqualTo(403);
        }
        String openAi = "{\"prompt\": \"pwned\", \"size\": \"1024x1024\"}";
        assertThat(request().header("Origin", EVIL).contentType("text/plain").body(openAi)
                .post("/v1/images/generations").statusCode()).isEqualTo(403);
        assertThat(request().header("Origin", EVIL).contentType("application/json").body(openAi)
                .post("/v1/images/generations").statusCode()).isEqualTo(403);
        assertThat(request().contentType("text/plain").body(openAi).post("/v1/images/generations").statusCode())
                .isEqualTo(415);
        assertThat(request().header("Origin", EVIL).header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header("Sec-WebSocket-Protocol", "graphql-transport-ws").get("/graphql").statusCode())
                .as("a WebSocket from another site").isEqualTo(403);
        assertThat(rows()).as("rows after the attempts").isEqualTo(before);
    }

    /** The service's own origin (the browser UI) still works. */
    void ownOriginWorks(int port) {
        String own = io.restassured.RestAssured.baseURI + ":" + port; // the page's origin is the address it was loaded from
        request().header("Origin", own).contentType("application/json").body("{\"query\": \"{ me { id } }\"}")
                .post("/graphql").then().statusCode(200);
        long before = rows();
        request().header("Origin", own).contentType("application/json")
                .body("{\"query\": \"mutation { createCollection(name: \\\"mine\\\") { id } }\"}")
                .post("/graphql").then().statusCode(200);
        assertThat(rows()).isEqualTo(before + 1);
    }
}
