package dev.atelier.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import dev.atelier.support.OidcProfile;
import dev.atelier.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** OIDC mode: only a valid token from the configured issuer gets in; the user is created from it on first sight. */
@QuarkusTest
@TestProfile(OidcProfile.class)
class AuthenticationTest {

    static final String ME = "{ me { id email displayName } }";

    @Test
    void aValidTokenCreatesTheUserFromItsClaims() {
        String subject = "carol-" + UUID.randomUUID();
        JsonPath me = GraphQL.post(Tokens.user(subject), ME, Map.of()).statusCode(200).extract().jsonPath();

        assertThat(me.getString("errors")).isNull();
        assertThat(me.getString("data.me.email")).isEqualTo(subject + "@example.org");
        assertThat(me.getString("data.me.displayName")).isEqualTo("User " + subject);
        assertThat(GraphQL.post(Tokens.user(subject), ME, Map.of()).extract().jsonPath().getString("data.me.id"))
                .as("the same user next time").isEqualTo(me.getString("data.me.id"));
    }

    @Test
    void noTokenIsUnauthenticated() {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("query", ME)).post("/graphql")
                .then().extract().jsonPath();
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.getString("data")).isNull();
    }

    @Test
    void expiredWrongIssuerAndForgedTokensAreUnauthenticated() {
        for (String token : new String[] { Tokens.expired("dave"), Tokens.wrongIssuer("dave"), Tokens.forged("dave"),
                "not-a-jwt", Tokens.user("dave").substring(0, 40) }) {
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> response =
                    GraphQL.post(token, ME, Map.of()).extract();
            assertThat(response.asString()).as(token + " → " + response.statusCode() + " " + response.contentType()).startsWith("{");
            JsonPath answer = response.jsonPath();
            assertThat(answer.getString("errors[0].extensions.code")).as(token).isEqualTo("UNAUTHENTICATED");
            assertThat(answer.getString("errors[0].message")).doesNotContain("Exception");
        }
    }

    @Test
    void theOpenAiCompatibleEndpointAnswersABadKeyInOpenAisShape() {
        var answer = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + Tokens.forged("mallory"))
                .body(Map.of("prompt", "a cat")).post("/v1/images/generations").then().statusCode(401).extract().jsonPath();
        assertThat(answer.getString("error.code")).isEqualTo("invalid_api_key");
        var anonymous = given().contentType(ContentType.JSON).body(Map.of("prompt", "a cat"))
                .post("/v1/images/generations").then().statusCode(401).extract().jsonPath();
        assertThat(anonymous.getString("error.type")).isEqualTo("invalid_request_error");
        var models = given().get("/v1/models").then().statusCode(401).extract().jsonPath();
        assertThat(models.getString("error.code")).as("the model list needs a caller too").isEqualTo("invalid_api_key");
        given().header("Authorization", "Bearer " + Tokens.forged("mallory")).get("/v1/models").then().statusCode(401);
    }

    @io.quarkus.test.common.http.TestHTTPResource("/graphql")
    java.net.URI graphql;

    @Test
    void aBrowserSubscriptionAuthenticatesWithItsConnectionInitPayload() throws Exception {
        String token = Tokens.user("fay-" + UUID.randomUUID());
        String jobId = GraphQL.post(token, "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }",
                Map.of("i", Map.of("prompt", "a kite", "size", "64x64", "enhance", false))).extract()
                .path("data.generateImage.id");
        String subscribe = "subscription($id: ID!) { jobProgress(jobId: $id) { jobId status } }";

        try (var ws = dev.atelier.support.GraphQLWsClient.withInitPayload(graphql,
                new io.vertx.core.json.JsonObject().put("Authorization", "Bearer " + token))) {
            ws.subscribe(subscribe, Map.of("id", jobId));
            var result = ws.await(java.time.Duration.ofSeconds(20));
            assertThat(result.completed()).isTrue();
            assertThat(result.next()).isNotEmpty().allSatisfy(p -> assertThat(p.getValue("errors")).isNull());
            assertThat(result.next().get(result.next().size() - 1).getJsonObject("data").getJsonObject("jobProgress")
                    .getString("status")).isEqualTo("SUCCEEDED");
        }
        try (var anonymous = dev.atelier.support.GraphQLWsClient.withInitPayload(graphql, new io.vertx.core.json.JsonObject())) {
            anonymous.subscribe(subscribe, Map.of("id", jobId));
            var result = anonymous.await(java.time.Duration.ofSeconds(10));
            assertThat(result.next().get(0).getJsonArray("errors").getJsonObject(0).getJsonObject("extensions")
                    .getString("code")).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void theWebUiLearnsToSignInWithOidc() {
        var config = given().get("/ui-config.json").then().statusCode(200).extract().jsonPath();
        assertThat(config.getString("auth")).isEqualTo("oidc");
        assertThat(config.getString("clientId")).isEqualTo("atelier-ui");
        assertThat(config.getString("scope")).contains("openid");
    }

    @Test
    void imagesNeedATokenToo() {
        given().get("/images/" + UUID.randomUUID()).then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.forged("eve")).get("/images/" + UUID.randomUUID())
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.user("eve")).get("/images/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
