package dev.atelier.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import dev.atelier.support.OidcProfile;
import dev.atelier.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Several generateImage root fields in one request, the budget running out midway ($0.01 a render, $0.10 a day in
 * this profile): the refused one's error lists every job the request did queue, so none is lost behind data: null.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class PartialAdmissionTest {

    @Test
    void theRefusedGenerationReportsEveryJobTheRequestQueued() {
        String token = Tokens.user("partial-" + UUID.randomUUID());
        StringBuilder six = new StringBuilder("mutation {");
        for (int i = 0; i < 6; i++) {
            six.append(" g").append(i).append(": generateImage(input: {prompt: \"warm-up ").append(i)
                    .append("\", size: \"64x64\", enhance: false}) { id }");
        }
        GraphQL.post(token, six.append(" }").toString(), Map.of()).body("errors", nullValue());

        StringBuilder five = new StringBuilder("mutation {");
        for (int i = 0; i < 5; i++) {
            five.append(" g").append(i).append(": generateImage(input: {prompt: \"tile ").append(i)
                    .append("\", size: \"64x64\", enhance: false}) { id }");
        }
        JsonPath answer = GraphQL.post(token, five.append(" }").toString(), Map.of()).extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BUDGET_EXCEEDED");
        assertThat(answer.getList("errors[0].path")).containsExactly("g4");
        List<String> accepted = answer.getList("errors[0].extensions.acceptedJobIds", String.class);
        assertThat(accepted).hasSize(4).doesNotHaveDuplicates();
        JsonPath listed = GraphQL.post(token, "{ jobs(first: 20) { edges { node { id } } } }", Map.of()).extract().jsonPath();
        assertThat(listed.getList("data.jobs.edges.node.id", String.class)).hasSize(10).containsAll(accepted);
    }
}
