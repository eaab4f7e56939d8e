package dev.atelier.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.atelier.support.ForeignRows;
import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** generateImages batches, filing results into a collection, queue position and ETA. */
@QuarkusTest
class GenerationBatchTest {

    static final String BATCH = """
            mutation($inputs: [GenerateImageInput!]!) { generateImages(inputs: $inputs) { id status } }""";

    @Inject
    Pool pool;

    @Inject
    QueueEstimates estimates;

    UUID owner;

    @BeforeEach
    void caller() {
        GraphQL.post("{ me { id } }", Map.of());
        owner = ForeignRows.localUser(pool);
    }

    @Test
    void aBatchOfFourProducesFourImagesFiledIntoTheCollection() {
        UUID collection = ForeignRows.collection(pool, owner, "batch " + UUID.randomUUID());
        List<Map<String, Object>> inputs = IntStream.range(0, 4).mapToObj(i -> Map.<String, Object>of(
                "prompt", "tile number " + i, "size", "64x64", "enhance", false, "collectionId", collection.toString()))
                .toList();

        List<String> ids = GraphQL.post(BATCH, Map.of("inputs", inputs)).body("errors", nullValue())
                .extract().jsonPath().getList("data.generateImages.id", String.class);

        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> status(id).equals("SUCCEEDED")));
        List<String> images = ids.stream().flatMap(id -> job(id).getList("images.id", String.class).stream()).toList();
        assertThat(images).hasSize(4).doesNotHaveDuplicates();
        List<UUID> filed = pool.preparedQuery("""
                select image_id from collection_images where collection_id = $1 order by position""")
                .execute(Tuple.of(collection)).await().atMost(Duration.ofSeconds(5))
                .stream().map(row -> row.getUUID("image_id")).toList();
        assertThat(filed).extracting(UUID::toString).containsExactlyInAnyOrderElementsOf(images);
        List<Integer> positions = pool.preparedQuery("select position from collection_images where collection_id = $1")
                .execute(Tuple.of(collection)).await().atMost(Duration.ofSeconds(5))
                .stream().map(row -> row.getInteger("position")).sorted().toList();
        assertThat(positions).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aBatchWithOneBadInputCreatesNothing() {
        long before = jobCount();
        List<Map<String, Object>> inputs = List.of(Map.of("prompt", "fine", "size", "64x64"),
                Map.of("prompt", "   ", "size", "64x64"));

        JsonPath answer = GraphQL.post(BATCH, Map.of("inputs", inputs)).extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.getString("errors[0].message")).startsWith("inputs[1]:");
        assertThat(jobCount()).isEqualTo(before);
    }

    @Test
    void aBatchOverTheLimitIsRejected() {
        long before = jobCount();
        List<Map<String, Object>> inputs = IntStream.range(0, 11).mapToObj(i -> Map.<String, Object>of("prompt", "n" + i))
                .toList();

        JsonPath answer = GraphQL.post(BATCH, Map.of("inputs", inputs)).extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.getString("errors[0].message")).contains("at most 10");
        assertThat(jobCount()).isEqualTo(before);
    }

    @Test
    void filingIntoSomeoneElsesCollectionIsNotFoundAndCreatesNothing() {
        UUID theirs = ForeignRows.collection(pool, ForeignRows.user(pool), "not yours");
        long before = jobCount();

        JsonPath answer = GraphQL.post(BATCH, Map.of("inputs", List.of(Map.of("prompt", "sneaky", "collectionId",
                theirs.toString())))).extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        assertThat(jobCount()).isEqualTo(before);
    }

    @Test
    void queuedJobsKnowTheirPlaceAndTheirEta() {
        // three jobs queued far in the future: behind everything else, never picked up by the reconciler
        List<UUID> queued = IntStream.range(0, 3).mapToObj(i -> ForeignRows.unfinishedJob(pool, owner, "QUEUED",
                "waiting " + i, -3600 * 24 * 365 - i, null, 0)).toList();
        try {
            List<QueueEstimates.Estimate> seen = queued.stream().map(id -> estimates.estimate(id, JobStatus.QUEUED, 0.0,
                    null).await().atMost(Duration.ofSeconds(5))).toList();

            assertThat(seen.get(1).queuePosition()).isEqualTo(seen.get(0).queuePosition() + 1);
            assertThat(seen.get(2).queuePosition()).isEqualTo(seen.get(0).queuePosition() + 2);
            assertThat(seen.get(0).etaSeconds()).isPositive();
            assertThat(seen.get(2).etaSeconds()).isGreaterThanOrEqualTo(seen.get(0).etaSeconds());
            assertThat(job(queued.get(2).toString()).getInt("queuePosition")).isEqualTo(seen.get(2).queuePosition());
            assertThat(estimates.estimate(queued.get(0), JobStatus.SUCCEEDED, 1.0, null).await().indefinitely()
                    .queuePosition()).isNull();
        } finally {
            pool.preparedQuery("delete from generation_jobs where id = any($1)")
                    .execute(Tuple.of(queued.toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(5));
        }
    }

    private static JsonPath job(String id) {
        return GraphQL.post("query($id: ID!) { job(id: $id) { status queuePosition etaSeconds images { id } } }",
                Map.of("id", id)).body("errors", nullValue()).extract().jsonPath().setRootPath("data.job");
    }

    private static String status(String id) {
        return job(id).getString("status");
    }

    private long jobCount() {
        return pool.query("select count(*) as n from generation_jobs").execute().await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong("n");
    }
}
