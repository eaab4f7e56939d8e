package dev.atelier.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.ForeignRows;
import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** What is in a collection, in the owner's order: added at the end, reordered, removed. */
@QuarkusTest
class CollectionOrderTest {

    private static final String IMAGES = """
            query($id: ID!) { collection(id: $id) { images(first: 10) { edges { node { id } } } } }""";

    @Inject
    Pool pool;

    @Test
    void imagesKeepTheOrderTheOwnerGives() {
        GraphQL.post("{ me { id } }").statusCode(200); // the local user exists from its first request
        UUID owner = ForeignRows.localUser(pool);
        List<String> made = List.of(image(owner), image(owner), image(owner));
        String collection = GraphQL.post("mutation { createCollection(name: \"in order\", description: "
                + "\"every fox so far\", visibility: UNLISTED) { id } }").extract().jsonPath()
                .getString("data.createCollection.id");
        var read = GraphQL.post("query($id: ID!) { collection(id: $id) { name description visibility imageCount } }",
                Map.of("id", collection)).extract().jsonPath();
        assertThat(read.getString("data.collection.name")).isEqualTo("in order");
        assertThat(read.getString("data.collection.description")).isEqualTo("every fox so far");
        assertThat(read.getString("data.collection.visibility")).isEqualTo("UNLISTED");
        assertThat(read.getInt("data.collection.imageCount")).isZero();

        GraphQL.post("mutation($c: ID!, $i: [ID!]!) { addToCollection(collectionId: $c, imageIds: $i) { id } }",
                Map.of("c", collection, "i", List.of(made.get(0), made.get(1)))).statusCode(200);
        GraphQL.post("mutation($c: ID!, $i: [ID!]!) { addToCollection(collectionId: $c, imageIds: $i) { id } }",
                Map.of("c", collection, "i", List.of(made.get(2)))).statusCode(200);
        assertThat(order(collection)).as("added at the end").containsExactlyElementsOf(made);

        List<String> reversed = List.of(made.get(2), made.get(1), made.get(0));
        GraphQL.post("mutation($c: ID!, $i: [ID!]!) { reorderCollection(collectionId: $c, imageIds: $i) { id } }",
                Map.of("c", collection, "i", reversed)).statusCode(200);
        assertThat(order(collection)).as("reordered").containsExactlyElementsOf(reversed);

        GraphQL.post("mutation($c: ID!, $i: [ID!]!) { removeFromCollection(collectionId: $c, imageIds: $i) { id } }",
                Map.of("c", collection, "i", List.of(made.get(1)))).statusCode(200);
        assertThat(order(collection)).as("one removed").containsExactly(made.get(2), made.get(0));
    }

    private static List<String> order(String collection) {
        return GraphQL.post(IMAGES, Map.of("id", collection)).extract().jsonPath()
                .getList("data.collection.images.edges.node.id", String.class);
    }

    private String image(UUID owner) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into images (id, user_id, provider, storage_key, sha256, mime_type, width, height)
                values ($1, $2, 'LOCAL', $3, $4, 'image/png', 64, 64)""")
                .execute(Tuple.of(id, owner, "test/" + id, "0".repeat(64))).await().atMost(Duration.ofSeconds(5));
        return id.toString();
    }
}
