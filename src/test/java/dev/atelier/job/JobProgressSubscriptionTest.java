package dev.atelier.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import dev.atelier.support.ForeignRows;
import dev.atelier.support.GraphQLWsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** A real graphql-transport-ws client watching a job run on the LOCAL renderer. */
@QuarkusTest
class JobProgressSubscriptionTest {

    static final String SUBSCRIBE = """
            subscription($id: ID!) { jobProgress(jobId: $id) { jobId status stage progress provider message } }""";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aSubscriberSeesQueuedThroughSucceededInOrderWithProgressNeverMovingBack() throws Exception {
        try (GraphQLWsClient all = new GraphQLWsClient(graphql); GraphQLWsClient one = new GraphQLWsClient(graphql)) {
            all.subscribe("subscription { myJobs { jobId status stage progress provider } }", Map.of());
            Thread.sleep(300); // let the subscription register before the job exists (nothing to wait on otherwise)
            String id = GraphQL.post("""
                    mutation($i: GenerateImageInput!) { generateImage(input: $i) { id } }""",
                    Map.of("i", Map.of("prompt", "a quiet harbour at dawn", "size", "256x256")))
                    .body("errors", nullValue()).extract().path("data.generateImage.id");
            one.subscribe(SUBSCRIBE, Map.of("id", id));

            GraphQLWsClient.Result single = one.await(Duration.ofSeconds(20));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> statuses(all, "myJobs", id)
                    .contains("SUCCEEDED"));

            List<JsonObject> updates = updates(all.received(), "myJobs", id);
            List<String> statuses = updates.stream().map(u -> u.getString("status")).toList();
            assertThat(statuses).containsSubsequence("QUEUED", "ENHANCING", "GENERATING", "STORING", "SUCCEEDED");
            assertThat(statuses).isSortedAccordingTo((a, b) -> JobStatus.valueOf(a).compareTo(JobStatus.valueOf(b)));
            for (int i = 1; i < updates.size(); i++) {
                assertThat(updates.get(i).getDouble("progress")).isGreaterThanOrEqualTo(updates.get(i - 1).getDouble("progress"));
            }
            // jobProgress: the current state first, then every change, completing after the terminal state
            assertThat(single.completed()).as("errors: " + single.errors()).isTrue();
            List<JsonObject> mine = updates(single.next(), "jobProgress", id);
            assertThat(mine).isNotEmpty();
            assertThat(mine.get(mine.size() - 1).getString("status")).isEqualTo("SUCCEEDED");
            assertThat(mine.get(mine.size() - 1).getString("provider")).isEqualTo("LOCAL");
            for (int i = 1; i < mine.size(); i++) {
                assertThat(mine.get(i).getDouble("progress")).isGreaterThanOrEqualTo(mine.get(i - 1).getDouble("progress"));
            }
        }
    }

    @Inject
    Pool pool;

    @Test
    void anotherUsersJobIsNotFoundOverTheSocketAndTheSubscriptionEnds() throws Exception {
        UUID job = ForeignRows.job(pool, ForeignRows.user(pool));
        for (String id : List.of(job.toString(), UUID.randomUUID().toString())) {
            try (GraphQLWsClient ws = new GraphQLWsClient(graphql)) {
                ws.subscribe(SUBSCRIBE, Map.of("id", id));
                GraphQLWsClient.Result result = ws.await(Duration.ofSeconds(10));
                assertThat(result.completed()).isTrue();
                assertThat(result.next()).hasSize(1);
                JsonObject only = result.next().get(0);
                assertThat(only.getValue("data")).isNull();
                assertThat(only.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"))
                        .isEqualTo("NOT_FOUND");
                assertThat(only.encode()).doesNotContain("AtelierException").doesNotContain("dev.atelier");
            }
        }
    }

    private static List<String> statuses(GraphQLWsClient ws, String field, String id) {
        return updates(ws.received(), field, id).stream().map(u -> u.getString("status")).toList();
    }

    private static List<JsonObject> updates(List<JsonObject> payloads, String field, String id) {
        return payloads.stream().map(p -> p.getJsonObject("data")).filter(d -> d != null && d.getJsonObject(field) != null)
                .map(d -> d.getJsonObject(field)).filter(u -> id.equals(u.getString("jobId"))).toList();
    }
}
