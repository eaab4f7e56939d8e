package dev.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import dev.atelier.support.GraphQLWsClient;
import dev.atelier.support.OidcProfile;
import dev.atelier.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * OIDC mode, no token: every query, mutation and subscription answers UNAUTHENTICATED and stores nothing. The matrix
 * is checked against the live schema, so a new root field without an entry here fails this test. (Shared collections
 * are readable anonymously only with ATELIER_IMAGES_ANONYMOUS_SHARED_READ=true, which this profile leaves off.)
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class AnonymousAccessTest {

    static final String ID = UUID.randomUUID().toString();
    static final String INPUT = "{prompt: \"a cat\", size: \"64x64\"}";

    static final Map<String, String> QUERIES = Map.ofEntries(
            Map.entry("me", "{ me { id } }"),
            Map.entry("prompt", "{ prompt(id: \"" + ID + "\") { id } }"),
            Map.entry("prompts", "{ prompts { edges { cursor } } }"),
            Map.entry("job", "{ job(id: \"" + ID + "\") { id } }"),
            Map.entry("jobs", "{ jobs { edges { cursor } } }"),
            Map.entry("image", "{ image(id: \"" + ID + "\") { id } }"),
            Map.entry("images", "{ images { edges { cursor } } }"),
            Map.entry("collection", "{ collection(id: \"" + ID + "\") { id } }"),
            Map.entry("collections", "{ collections { edges { cursor } } }"),
            Map.entry("publicCollections", "{ publicCollections { edges { cursor } } }"),
            Map.entry("providers", "{ providers { id } }"),
            Map.entry("models", "{ models { id } }"),
            Map.entry("estimateCost", "{ estimateCost(input: " + INPUT + ") { usd } }"),
            Map.entry("selectProvider", "{ selectProvider(input: " + INPUT + ") { chain } }"),
            Map.entry("estimateEdit", "{ estimateEdit(input: {sourceImageId: \"" + ID + "\", prompt: \"x\"}) { usd } }"),
            Map.entry("usage", "{ usage { todayUsd } }"));

    static final Map<String, String> MUTATIONS = Map.ofEntries(
            Map.entry("enhancePrompt", "mutation { enhancePrompt(input: {input: \"a cat\"}) { id } }"),
            Map.entry("generateImage", "mutation { generateImage(input: " + INPUT + ") { id } }"),
            Map.entry("generateImages", "mutation { generateImages(inputs: [" + INPUT + "]) { id } }"),
            Map.entry("editImage", "mutation { editImage(input: {sourceImageId: \"" + ID + "\", prompt: \"x\"}) { id } }"),
            Map.entry("cancelJob", "mutation { cancelJob(id: \"" + ID + "\") { id } }"),
            Map.entry("createCollection", "mutation { createCollection(name: \"anon\", visibility: PUBLIC) { id } }"),
            Map.entry("updateCollection", "mutation { updateCollection(id: \"" + ID + "\", name: \"x\") { id } }"),
            Map.entry("deleteCollection", "mutation { deleteCollection(id: \"" + ID + "\") }"),
            Map.entry("addToCollection", "mutation { addToCollection(collectionId: \"" + ID + "\", imageIds: [\"" + ID
                    + "\"]) { id } }"),
            Map.entry("removeFromCollection", "mutation { removeFromCollection(collectionId: \"" + ID
                    + "\", imageIds: [\"" + ID + "\"]) { id } }"),
            Map.entry("reorderCollection", "mutation { reorderCollection(collectionId: \"" + ID + "\", imageIds: [\""
                    + ID + "\"]) { id } }"),
            Map.entry("deleteImage", "mutation { deleteImage(id: \"" + ID + "\") }"),
            Map.entry("setBudget", "mutation { setBudget(userId: \"" + ID + "\", dailyUsd: 1000) { todayUsd } }"));

    static final Map<String, String> SUBSCRIPTIONS = Map.of(
            "jobProgress", "subscription { jobProgress(jobId: \"" + ID + "\") { status } }",
            "myJobs", "subscription { myJobs { status } }");

    @Inject
    Pool pool;

    @TestHTTPResource("/graphql")
    URI graphql;

    long rows() {
        return pool.query("select (select count(*) from users) + (select count(*) from prompts) "
                + "+ (select count(*) from generation_jobs) + (select count(*) from collections) as n").execute()
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong("n");
    }

    private static Set<String> rootFields(String type) {
        JsonPath schema = GraphQL.post(Tokens.user("introspector-" + UUID.randomUUID()),
                "{ __type(name: \"" + type + "\") { fields { name } } }", Map.of()).extract().jsonPath();
        return schema.getList("data.__type.fields.name", String.class).stream().collect(Collectors.toSet());
    }

    @Test
    void theMatrixCoversEveryRootField() {
        assertThat(QUERIES.keySet()).isEqualTo(rootFields("Query"));
        assertThat(MUTATIONS.keySet()).isEqualTo(rootFields("Mutation"));
        assertThat(SUBSCRIPTIONS.keySet()).isEqualTo(rootFields("Subscription"));
    }

    @Test
    void everyQueryAndMutationIsUnauthenticatedWithoutATokenAndStoresNothing() {
        long before = rows();
        Map<String, String> all = new LinkedHashMap<>(QUERIES);
        all.putAll(MUTATIONS);
        all.forEach((field, operation) -> {
            JsonPath answer = GraphQL.post(operation).extract().jsonPath();
            assertThat(answer.getString("errors[0].extensions.code")).as(field).isEqualTo("UNAUTHENTICATED");
            assertThat(answer.getString("errors[0].message")).as(field).doesNotContain("Exception");
        });
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void everySubscriptionIsUnauthenticatedWithoutAToken() throws Exception {
        for (var entry : SUBSCRIPTIONS.entrySet()) {
            try (GraphQLWsClient ws = new GraphQLWsClient(graphql)) {
                ws.subscribe(entry.getValue(), Map.of());
                GraphQLWsClient.Result result = ws.await(Duration.ofSeconds(10));
                assertThat(result.completed()).as(entry.getKey()).isTrue();
                assertThat(result.errors() + " " + result.next()).as(entry.getKey()).contains("UNAUTHENTICATED");
            }
        }
    }

    @Test
    void aSignedTokenWithoutASubjectIsUnauthenticated() {
        JsonPath answer = GraphQL.post(Tokens.withoutSubject("nobody-" + UUID.randomUUID()), "{ me { id } }", Map.of())
                .extract().jsonPath();
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.getList("errors")).hasSize(1);
    }

}
