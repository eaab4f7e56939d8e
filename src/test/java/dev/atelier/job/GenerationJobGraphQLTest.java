package dev.atelier.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.provider.ProviderId;
import dev.atelier.routing.PauseBoard;
import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** generateImage on the offline defaults: the job runs on the LOCAL renderer end to end. */
@QuarkusTest
class GenerationJobGraphQLTest {

    static final String GENERATE = """
            mutation($i: GenerateImageInput!) { generateImage(input: $i) { id status stage estimatedCostUsd } }""";
    static final String JOB = """
            query($id: ID!) { job(id: $id) { id status stage progress provider model promptId actualCostUsd
              error { code message } attempts { provider outcome errorCode latencyMs }
              images { id url width height mimeType provider model seed costUsd revisedPrompt } } }""";

    static JsonPath job(String id) {
        return GraphQL.post(JOB, Map.of("id", id)).body("errors", nullValue()).extract().jsonPath().setRootPath("data.job");
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    @Test
    void aJobRunsFromQueuedToSucceededAndItsImageIsServedToItsOwner() {
        JsonPath queued = GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "a red fox in the snow", "size", "320x200",
                        "seed", 7)))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.generateImage");
        assertThat(queued.getString("status")).isEqualTo("QUEUED");
        assertThat(queued.getDouble("estimatedCostUsd")).isZero();
        String id = queued.getString("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> job(id).getString("status").equals("SUCCEEDED"));
        JsonPath done = job(id);

        assertThat(done.getString("provider")).isEqualTo("LOCAL");
        assertThat(done.getDouble("progress")).isEqualTo(1.0);
        assertThat(done.getString("promptId")).as("enhanced first, by default").isNotNull();
        assertThat(done.getList("attempts.outcome")).containsExactly("SUCCEEDED");
        assertThat(done.getList("images")).hasSize(1);
        assertThat(done.getInt("images[0].width")).isEqualTo(320);
        assertThat(done.getInt("images[0].seed")).isEqualTo(7);
        assertThat(done.getString("images[0].revisedPrompt")).as("the LOCAL variant of the enhanced prompt was drawn")
                .startsWith("[LOCAL preview] Professional wildlife photograph of a red fox in the snow");
        byte[] png = given().get(done.getString("images[0].url")).then().statusCode(200)
                .header("Content-Type", is("image/png")).extract().asByteArray();
        BufferedImage image = readPng(png);
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);

        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("atelier_jobs_finished_total\\{[^}]*provider=\"LOCAL\"[^}]*status=\"SUCCEEDED\"")
                .contains("atelier_jobs_queue_wait_seconds_count").contains("atelier_jobs_run_seconds_count")
                .contains("atelier_jobs_queue_depth").contains("atelier_jobs_running")
                .containsPattern("atelier_provider_requests_total\\{[^}]*outcome=\"SUCCEEDED\"[^}]*provider=\"LOCAL\"");
    }

    @Inject
    PauseBoard pauses;


    @Test
    void whenEveryProviderIsRateLimitedTheJobWaitsQueuedThenRuns() {
        pauses.pause(ProviderId.LOCAL, Duration.ofSeconds(8)).await().atMost(Duration.ofSeconds(5));
        String id = GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "a paper boat", "size", "128x128", "enhance", false)))
                .body("errors", nullValue()).extract().path("data.generateImage.id");

        await().atMost(Duration.ofSeconds(15)).until(() -> String.valueOf(job(id).getString("stage")).contains("rate limit"));
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).getString("status").equals("SUCCEEDED"));
        assertThat(job(id).getList("attempts.outcome")).containsExactly("SUCCEEDED");
    }

    @Test
    void jobsArePagedNewestFirstAndFilteredByStatus() {
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "page " + i, "size", "64x64", "enhance", false)))
                    .extract().path("data.generateImage.id"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> mine.stream().allMatch(id -> job(id).getString("status").equals("SUCCEEDED")));
        java.util.Set<String> seen = new java.util.HashSet<>();
        String after = null;
        boolean more = true;
        while (more) {
            JsonPath page = GraphQL.post("query($after: String) { jobs(status: SUCCEEDED, first: 2, after: $after) { "
                    + "edges { cursor node { id status images { id } } } pageInfo { hasNextPage endCursor } } }",
                    after == null ? Map.of() : Map.of("after", after))
                    .body("errors", nullValue()).extract().jsonPath().setRootPath("data.jobs");
            assertThat(page.getList("edges.node.status", String.class)).allMatch("SUCCEEDED"::equals);
            page.getList("edges.node.id", String.class).forEach(id -> assertThat(seen.add(id)).isTrue());
            more = page.getBoolean("pageInfo.hasNextPage");
            after = page.getString("pageInfo.endCursor");
        }
        assertThat(seen).containsAll(mine);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameJob() {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> input = Map.of("prompt", "a lighthouse", "idempotencyKey", key, "enhance", false);
        String first = GraphQL.post(GENERATE, Map.of("i", input)).extract().path("data.generateImage.id");
        String second = GraphQL.post(GENERATE, Map.of("i", input)).extract().path("data.generateImage.id");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void cancellingAQueuedJobEndsItCancelledAndTheProviderIsNeverCalled() {
        // LOCAL has no headroom for a moment, so the job stays QUEUED; then it is cancelled and the pause lifted
        pauses.pause(ProviderId.LOCAL, Duration.ofSeconds(2)).await().atMost(Duration.ofSeconds(5));
        String id = GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "never drawn", "size", "64x64", "enhance", false)))
                .body("errors", nullValue()).extract().path("data.generateImage.id");

        String status = GraphQL.post("mutation($id: ID!) { cancelJob(id: $id) { status } }", Map.of("id", id))
                .body("errors", nullValue()).extract().path("data.cancelJob.status");

        assertThat(status).isEqualTo("CANCELLED");
        // past the pause and the re-delivery of its queue entry, it stays cancelled with no provider attempt or image
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> {
            JsonPath job = job(id);
            return job.getString("status").equals("CANCELLED") && job.getList("attempts").isEmpty()
                    && job.getList("images").isEmpty() && job.getString("provider") == null;
        });
    }

    @Test
    void cancellingAFinishedJobChangesNothingAndUnknownJobsAreNotFound() {
        GraphQL.post(JOB, Map.of("id", UUID.randomUUID().toString()))
                .body("data.job", nullValue())
                .body("errors[0].extensions.code", is("NOT_FOUND"));
        GraphQL.post("mutation($id: ID!) { cancelJob(id: $id) { id } }", Map.of("id", UUID.randomUUID().toString()))
                .body("errors[0].extensions.code", is("NOT_FOUND"));
        GraphQL.post(GENERATE, Map.of("i", Map.of("prompt", "a cat", "size", "12x12")))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    private static BufferedImage readPng(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
