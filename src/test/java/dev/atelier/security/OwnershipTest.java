package dev.atelier.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import dev.atelier.support.GraphQLWsClient;
import dev.atelier.support.OidcProfile;
import dev.atelier.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Signed-in users see only their own things. Alice makes a prompt, a job with its image and a private collection;
 * Bob tries to read, list, change, subscribe to and download each of them — one assertion per operation — and gets
 * NOT_FOUND or lists without them. Sharing a collection (PUBLIC, UNLISTED) opens exactly that collection.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class OwnershipTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    String alice;
    String bob;
    String promptId;
    String jobId;
    String imageId;
    String collectionId;

    static JsonPath call(String token, String query, Map<String, Object> variables) {
        return GraphQL.post(token, query, variables).extract().jsonPath();
    }

    static JsonPath ok(String token, String query, Map<String, Object> variables) {
        return GraphQL.post(token, query, variables).body("errors", nullValue()).extract().jsonPath();
    }

    static String code(JsonPath answer) {
        return answer.getString("errors[0].extensions.code");
    }

    @BeforeEach
    void aliceMakesThings() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = Tokens.user("alice-" + suffix);
        bob = Tokens.user("bob-" + suffix);
        promptId = ok(alice, "mutation { enhancePrompt(input: {input: \"a secret garden\"}) { id } }", Map.of())
                .getString("data.enhancePrompt.id");
        jobId = ok(alice, "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }",
                Map.of("i", Map.of("prompt", "a secret garden", "size", "64x64", "enhance", false)))
                .getString("data.generateImage.id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(ok(alice,
                "query($id: ID!) { job(id: $id) { status } }", Map.of("id", jobId)).getString("data.job.status")));
        imageId = ok(alice, "query($id: ID!) { job(id: $id) { images { id } } }", Map.of("id", jobId))
                .getString("data.job.images[0].id");
        collectionId = ok(alice, "mutation { createCollection(name: \"private garden\") { id } }", Map.of())
                .getString("data.createCollection.id");
        ok(alice, "mutation($c: ID!, $i: [ID!]!) { addToCollection(collectionId: $c, imageIds: $i) { id } }",
                Map.of("c", collectionId, "i", List.of(imageId)));
    }

    @Test
    void bobCannotReachAlicesPromptsJobsImagesOrCollections() throws Exception {
        Map<String, Object> prompt = Map.of("id", promptId);
        Map<String, Object> job = Map.of("id", jobId);
        Map<String, Object> image = Map.of("id", imageId);
        Map<String, Object> collection = Map.of("id", collectionId);

        assertThat(code(call(bob, "query($id: ID!) { prompt(id: $id) { id } }", prompt))).isEqualTo("NOT_FOUND");
        assertThat(ok(bob, "{ prompts(first: 100) { edges { node { id } } } }", Map.of())
                .getList("data.prompts.edges.node.id")).doesNotContain(promptId);
        assertThat(code(call(bob, "query($id: ID!) { job(id: $id) { id } }", job))).isEqualTo("NOT_FOUND");
        assertThat(ok(bob, "{ jobs(first: 100) { edges { node { id } } } }", Map.of())
                .getList("data.jobs.edges.node.id")).doesNotContain(jobId);
        assertThat(code(call(bob, "mutation($id: ID!) { cancelJob(id: $id) { id } }", job))).isEqualTo("NOT_FOUND");
        assertThat(code(call(bob, "query($id: ID!) { image(id: $id) { id } }", image))).isEqualTo("NOT_FOUND");
        assertThat(ok(bob, "{ images(first: 100) { edges { node { id } } } }", Map.of())
                .getList("data.images.edges.node.id")).doesNotContain(imageId);
        assertThat(code(call(bob, "mutation($id: ID!) { deleteImage(id: $id) }", image))).isEqualTo("NOT_FOUND");
        given().header("Authorization", "Bearer " + bob).get("/images/" + imageId).then().statusCode(404);
        assertThat(code(call(bob, "query($id: ID!) { collection(id: $id) { id } }", collection))).isEqualTo("NOT_FOUND");
        assertThat(ok(bob, "{ collections(first: 100) { edges { node { id } } } }", Map.of())
                .getList("data.collections.edges.node.id")).doesNotContain(collectionId);
        assertThat(code(call(bob, "mutation($id: ID!) { updateCollection(id: $id, name: \"mine now\") { id } }",
                collection))).isEqualTo("NOT_FOUND");
        assertThat(code(call(bob, "mutation($id: ID!) { deleteCollection(id: $id) }", collection))).isEqualTo("NOT_FOUND");
        assertThat(code(call(bob, "mutation($c: ID!, $i: [ID!]!) { removeFromCollection(collectionId: $c, imageIds: $i) { id } }",
                Map.of("c", collectionId, "i", List.of(imageId))))).isEqualTo("NOT_FOUND");
        String bobsCollection = ok(bob, "mutation { createCollection(name: \"bob's\") { id } }", Map.of())
                .getString("data.createCollection.id");
        assertThat(code(call(bob, "mutation($c: ID!, $i: [ID!]!) { addToCollection(collectionId: $c, imageIds: $i) { id } }",
                Map.of("c", bobsCollection, "i", List.of(imageId))))).as("someone else's image").isEqualTo("NOT_FOUND");
        assertThat(code(call(bob, "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }",
                Map.of("i", Map.of("prompt", "x", "collectionId", collectionId))))).isEqualTo("NOT_FOUND");
        Map<String, Object> editAlices = Map.of("i", Map.of("sourceImageId", imageId, "prompt", "make it mine"));
        assertThat(code(call(bob, "mutation($i: EditImageInput!) { editImage(input: $i) { id } }", editAlices)))
                .as("someone else's image as an edit's source").isEqualTo("NOT_FOUND");
        assertThat(code(call(bob, "query($i: EditImageInput!) { estimateEdit(input: $i) { usd } }", editAlices)))
                .isEqualTo("NOT_FOUND");
        String bobsUpload = given().header("Authorization", "Bearer " + bob)
                .multiPart("file", "b.png", dev.atelier.support.TestImages.png(40, 40), "image/png").post("/uploads")
                .then().statusCode(201).extract().path("id");
        assertThat(code(call(bob, "mutation($i: EditImageInput!) { editImage(input: $i) { id } }", Map.of("i",
                Map.of("sourceImageId", bobsUpload, "maskImageId", imageId, "prompt", "x"))))).as("as a mask")
                .isEqualTo("NOT_FOUND");
        assertThat(code(call(alice, "query($id: ID!) { image(id: $id) { id } }", Map.of("id", bobsUpload))))
                .as("an upload is its uploader's").isEqualTo("NOT_FOUND");
        given().multiPart("file", "a.png", dev.atelier.support.TestImages.png(40, 40), "image/png").post("/uploads")
                .then().statusCode(401).body("errors[0].extensions.code", org.hamcrest.Matchers.is("UNAUTHENTICATED"));
        try (GraphQLWsClient ws = new GraphQLWsClient(graphql, bob)) {
            ws.subscribe("subscription($id: ID!) { jobProgress(jobId: $id) { status } }", job);
            GraphQLWsClient.Result result = ws.await(Duration.ofSeconds(10));
            assertThat(result.next()).hasSize(1);
            assertThat(result.next().get(0).getJsonArray("errors").getJsonObject(0).getJsonObject("extensions")
                    .getString("code")).isEqualTo("NOT_FOUND");
        }

        // and everything of Alice's is still there, for Alice
        assertThat(ok(alice, "query($id: ID!) { collection(id: $id) { name imageCount } }", collection)
                .getInt("data.collection.imageCount")).isEqualTo(1);
        given().header("Authorization", "Bearer " + alice).get("/images/" + imageId).then().statusCode(200);
    }

    @Test
    void bobsMyJobsStreamCarriesNoneOfAlicesJobs() throws Exception {
        try (GraphQLWsClient ws = new GraphQLWsClient(graphql, bob)) {
            ws.subscribe("subscription { myJobs { jobId status } }", Map.of());
            Thread.sleep(300); // let the subscription register (nothing to wait on otherwise)
            String another = ok(alice, "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }",
                    Map.of("i", Map.of("prompt", "another secret", "size", "64x64", "enhance", false)))
                    .getString("data.generateImage.id");
            await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(ok(alice,
                    "query($id: ID!) { job(id: $id) { status } }", Map.of("id", another)).getString("data.job.status")));
            assertThat(ws.received()).noneMatch(p -> p.encode().contains(another));
        }
    }

    @Test
    void aPublicCollectionIsReadableByOthersAndAnUnlistedOneOnlyById() {
        Map<String, Object> collection = Map.of("id", collectionId);
        ok(alice, "mutation($id: ID!) { updateCollection(id: $id, visibility: PUBLIC) { id } }", collection);

        JsonPath shared = ok(bob, "query($id: ID!) { collection(id: $id) { name owned images { edges { node { id } } } } }",
                collection);
        assertThat(shared.getBoolean("data.collection.owned")).isFalse();
        assertThat(shared.getList("data.collection.images.edges.node.id")).containsExactly(imageId);
        assertThat(ok(bob, "query($id: ID!) { image(id: $id) { id } }", Map.of("id", imageId))
                .getString("data.image.id")).isEqualTo(imageId);
        // shared: cached briefly, never immutable, so un-sharing takes it back; the owner's copy is revalidated
        given().header("Authorization", "Bearer " + bob).get("/images/" + imageId).then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.is("public, max-age=300"));
        given().header("Authorization", "Bearer " + alice).get("/images/" + imageId).then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.is("private, no-cache"));
        assertThat(ok(bob, "{ publicCollections(first: 100) { edges { node { id } } } }", Map.of())
                .getList("data.publicCollections.edges.node.id")).contains(collectionId);
        assertThat(code(call(bob, "mutation($id: ID!) { updateCollection(id: $id, name: \"x\") { id } }", collection)))
                .as("readable is not writable").isEqualTo("NOT_FOUND");
        // a shared image may be an edit's source: the edit is Bob's, and Alice does not see it among the source's edits
        String bobsEdit = ok(bob, "mutation($i: EditImageInput!) { editImage(input: $i) { id } }",
                Map.of("i", Map.of("sourceImageId", imageId, "prompt", "make it blue"))).getString("data.editImage.id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(ok(bob,
                "query($id: ID!) { job(id: $id) { status } }", Map.of("id", bobsEdit)).getString("data.job.status")));
        JsonPath edited = ok(bob, "query($id: ID!) { job(id: $id) { images { id sourceImageId } } }", Map.of("id", bobsEdit));
        assertThat(edited.getString("data.job.images[0].sourceImageId")).isEqualTo(imageId);
        String bobsImage = edited.getString("data.job.images[0].id");
        assertThat(ok(bob, "query($id: ID!) { image(id: $id) { edits { id } } }", Map.of("id", imageId))
                .getList("data.image.edits.id")).containsExactly(bobsImage);
        assertThat(ok(alice, "query($id: ID!) { image(id: $id) { edits { id } } }", Map.of("id", imageId))
                .getList("data.image.edits.id")).as("Bob's edit is his own").isEmpty();

        ok(alice, "mutation($id: ID!) { updateCollection(id: $id, visibility: UNLISTED) { id } }", collection);
        assertThat(ok(bob, "query($id: ID!) { collection(id: $id) { id } }", collection).getString("data.collection.id"))
                .isEqualTo(collectionId);
        assertThat(ok(bob, "{ publicCollections(first: 100) { edges { node { id } } } }", Map.of())
                .getList("data.publicCollections.edges.node.id")).doesNotContain(collectionId);

        ok(alice, "mutation($id: ID!) { updateCollection(id: $id, visibility: PRIVATE) { id } }", collection);
        assertThat(code(call(bob, "query($id: ID!) { collection(id: $id) { id } }", collection))).isEqualTo("NOT_FOUND");
        given().header("Authorization", "Bearer " + bob).get("/images/" + imageId).then().statusCode(404);
    }

    @Test
    void onlyAdminsSeeOthersUsageOrSetBudgets() {
        String aliceId = ok(alice, "{ me { id } }", Map.of()).getString("data.me.id");
        Map<String, Object> target = Map.of("u", aliceId);

        assertThat(code(call(bob, "query($u: ID) { usage(userId: $u) { todayUsd } }", target))).isEqualTo("FORBIDDEN");
        assertThat(code(call(bob, "mutation($u: ID!) { setBudget(userId: $u, dailyUsd: 1000) { dailyLimitUsd } }",
                target))).isEqualTo("FORBIDDEN");
        String admin = Tokens.admin("admin-" + UUID.randomUUID());
        assertThat(ok(admin, "query($u: ID) { usage(userId: $u) { todayUsd } }", target).getDouble("data.usage.todayUsd"))
                .isEqualTo(0.01);
        assertThat(ok(admin, "mutation($u: ID!) { setBudget(userId: $u, dailyUsd: 2.5) { dailyLimitUsd } }", target)
                .getDouble("data.setBudget.dailyLimitUsd")).isEqualTo(2.5);
        assertThat(ok(alice, "{ usage { dailyLimitUsd } }", Map.of()).getDouble("data.usage.dailyLimitUsd")).isEqualTo(2.5);
    }

}
