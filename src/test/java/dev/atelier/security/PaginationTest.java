package dev.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import dev.atelier.support.OidcProfile;
import dev.atelier.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Keyset pages: stable while rows are inserted, capped, and a cursor never leads into someone else's rows. */
@QuarkusTest
@TestProfile(OidcProfile.class)
class PaginationTest {

    static final String PAGE = """
            query($first: Int, $after: String) { collections(first: $first, after: $after) {
              edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }""";

    static String create(String token, String name) {
        return GraphQL.post(token, "mutation($n: String!) { createCollection(name: $n) { id } }", Map.of("n", name))
                .body("errors", nullValue()).extract().path("data.createCollection.id");
    }

    @Test
    void walkingEveryPageWhileRowsAreInsertedReturnsEachExistingRowExactlyOnce() {
        String token = Tokens.user("henry-" + UUID.randomUUID());
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            existing.add(create(token, "existing " + i));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("first", 5);
            vars.put("after", after);
            JsonPath page = GraphQL.post(token, PAGE, vars).body("errors", nullValue()).extract().jsonPath();
            seen.addAll(page.getList("data.collections.edges.node.id", String.class));
            after = page.getBoolean("data.collections.pageInfo.hasNextPage")
                    ? page.getString("data.collections.pageInfo.endCursor") : null;
            create(token, "inserted while paging " + pages); // newer rows land before the cursor
            pages++;
        } while (after != null);

        assertThat(seen.stream().filter(existing::contains)).hasSize(existing.size()).doesNotHaveDuplicates();
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void firstIsCappedAtAHundredAndBadCursorsAreRefused() {
        String token = Tokens.user("iris-" + UUID.randomUUID());
        JsonPath capped = GraphQL.post(token, PAGE, Map.of("first", 1000)).extract().jsonPath();
        assertThat(capped.getString("errors")).isNull();
        JsonPath bad = GraphQL.post(token, PAGE, Map.of("first", 5, "after", "bm90LWEtY3Vyc29y")).extract().jsonPath();
        assertThat(bad.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        JsonPath negative = GraphQL.post(token, PAGE, Map.of("first", -1)).extract().jsonPath();
        assertThat(negative.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void aCursorTakenFromSomeoneElsesPageShowsOnlyYourOwnRows() {
        String judy = Tokens.user("judy-" + UUID.randomUUID());
        String ken = Tokens.user("ken-" + UUID.randomUUID());
        Set<String> judys = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            judys.add(create(judy, "judy " + i));
        }
        for (int i = 0; i < 3; i++) {
            create(ken, "ken " + i);
        }
        String kensCursor = GraphQL.post(ken, PAGE, Map.of("first", 1)).extract().path("data.collections.pageInfo.endCursor");

        List<String> page = GraphQL.post(judy, PAGE, Map.of("first", 100, "after", kensCursor))
                .body("errors", nullValue()).extract().jsonPath().getList("data.collections.edges.node.id", String.class);

        assertThat(judys).containsAll(page);
    }
}
