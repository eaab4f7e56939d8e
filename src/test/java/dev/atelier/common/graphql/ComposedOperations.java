package dev.atelier.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.atelier.support.GraphQL;
import io.restassured.path.json.JsonPath;

/**
 * Operations the way real clients compose them: many root fields, aliases, the same field several times, nested
 * database-backed fields inside lists. Every root query field is covered; every answer must carry all its data and
 * no error. The caller is a bearer token, or null in local mode.
 */
final class ComposedOperations {

    private final String token;
    private final Map<String, Object> ids = new LinkedHashMap<>();

    ComposedOperations(String token) {
        this.token = token;
    }

    private JsonPath post(String query, Map<String, Object> variables) {
        return (token == null ? GraphQL.post(query, variables) : GraphQL.post(token, query, variables))
                .statusCode(200).extract().jsonPath();
    }

    private JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath answer = post(query, variables);
        assertThat(answer.getList("errors")).as("errors of %s", query).isNull();
        return answer;
    }

    /** A prompt, a finished job with its image, and a collection holding the image. */
    ComposedOperations seed() {
        ids.put("p", ok("mutation { enhancePrompt(input: {input: \"a lighthouse at dusk\"}) { id } }", Map.of())
                .getString("data.enhancePrompt.id"));
        String job = ok("mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }",
                Map.of("i", Map.of("prompt", "a lighthouse at dusk", "size", "64x64", "enhance", false)))
                .getString("data.generateImage.id");
        ids.put("j", job);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(
                ok("query($id: ID!) { job(id: $id) { status } }", Map.of("id", job)).getString("data.job.status")));
        ids.put("i", ok("query($id: ID!) { job(id: $id) { images { id } } }", Map.of("id", job))
                .getString("data.job.images[0].id"));
        String collection = ok("mutation { createCollection(name: \"composed\") { id } }", Map.of())
                .getString("data.createCollection.id");
        ids.put("c", collection);
        ok("mutation($c: ID!, $i: [ID!]!) { addToCollection(collectionId: $c, imageIds: $i) { id } }",
                Map.of("c", collection, "i", List.of(ids.get("i"))));
        return this;
    }

    /** A user's very first request composes root fields: each resolver creates or finds the same user row. */
    void assertFirstSight() {
        JsonPath answer = ok("""
                { me { id } prompts(first: 2) { edges { node { id } } } jobs(first: 1) { edges { node { id } } }
                  images(first: 1) { edges { node { id } } } collections(first: 1) { edges { node { id } } }
                  usage { todayUsd } again: me { id } }""", Map.of());
        assertThat(answer.getString("data.me.id")).isNotBlank().isEqualTo(answer.getString("data.again.id"));
        assertThat(answer.getList("data.prompts.edges")).isEmpty();
        assertThat(answer.getList("data.jobs.edges")).isEmpty();
        assertThat(answer.getList("data.images.edges")).isEmpty();
        assertThat(answer.getList("data.collections.edges")).isEmpty();
        assertThat(answer.getDouble("data.usage.todayUsd")).isZero();
    }

    /** Every root query field, with the path in its answer that must be there (and equal the seeded id, if any). */
    private static final List<Field> FIELDS = List.of(
            new Field("me { id }", "id", null),
            new Field("prompt(id: $p) { id }", "id", "p"),
            new Field("prompts(first: 2) { edges { node { id } } }", "edges[0].node.id", "p"),
            new Field("job(id: $j) { id status images { id } }", "images[0].id", "i"),
            new Field("jobs(first: 2) { edges { node { id } } }", "edges[0].node.id", "j"),
            new Field("image(id: $i) { id }", "id", "i"),
            new Field("images(first: 2) { edges { node { id } } }", "edges[0].node.id", "i"),
            new Field("collection(id: $c) { id images { edges { node { id } } } }", "images.edges[0].node.id", "i"),
            new Field("collections(first: 3) { edges { node { id images(first: 2) { edges { node { id } } } } } }",
                    "edges[0].node.images.edges[0].node.id", "i"),
            new Field("publicCollections(first: 2) { pageInfo { hasNextPage } }", "pageInfo.hasNextPage", null),
            new Field("providers { id configured }", "[0].id", null),
            new Field("estimateCost(input: {prompt: \"a cat\"}) { provider usd }", "provider", null),
            new Field("selectProvider(input: {prompt: \"a cat\"}) { chain reasons }", "chain[0]", null),
            new Field("usage { todayUsd remainingTodayUsd }", "remainingTodayUsd", null));

    static int fieldCount() {
        return FIELDS.size();
    }

    /**
     * One query with {@code count} root fields, aliased {@code f0..}, cycling through every root field from
     * {@code offset}; asserts each alias answered with its data and the whole answer has no error.
     */
    void assertComposed(int count, int offset) {
        StringBuilder query = new StringBuilder("query Composed {\n");
        List<Field> asked = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Field field = FIELDS.get((offset + n) % FIELDS.size());
            asked.add(field);
            String selection = field.selection();
            for (var id : ids.entrySet()) {
                selection = selection.replace("$" + id.getKey(), "\"" + id.getValue() + "\"");
            }
            query.append("  f").append(n).append(": ").append(selection).append('\n');
        }
        query.append('}');
        JsonPath answer = ok(query.toString(), Map.of());
        for (int n = 0; n < count; n++) {
            Field field = asked.get(n);
            String path = "data.f" + n + (field.path().startsWith("[") ? "" : ".") + field.path();
            Object value = answer.get(path);
            assertThat(value).as("%s in %s", path, field.selection()).isNotNull();
            if (field.expected() != null) {
                assertThat(value).as(path).isEqualTo(ids.get(field.expected()));
            }
        }
    }

    private record Field(String selection, String path, String expected) {
    }
}
