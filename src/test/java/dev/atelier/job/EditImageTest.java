package dev.atelier.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.ForeignRows;
import dev.atelier.support.GraphQL;
import dev.atelier.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** editImage on the offline defaults: the LOCAL preview changes the source's pixels inside the mask, and only there. */
@QuarkusTest
class EditImageTest {

    static final String EDIT = """
            mutation($i: EditImageInput!) { editImage(input: $i) { id status } }""";
    static final String JOB = """
            query($id: ID!) { job(id: $id) { status provider error { code message }
              attempts { provider outcome prompt negativePrompt }
              images { id url width height kind sourceImageId revisedPrompt } } }""";

    @Inject
    Pool pool;

    static String upload(byte[] png) {
        return given().multiPart("file", "x.png", png, "image/png").post("/uploads").then().statusCode(201)
                .extract().path("id");
    }

    static JsonPath finished(String jobId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String status = GraphQL.post(JOB, Map.of("id", jobId)).extract().path("data.job.status");
            return "SUCCEEDED".equals(status) || "FAILED".equals(status);
        });
        return GraphQL.post(JOB, Map.of("id", jobId)).body("errors", nullValue()).extract().jsonPath()
                .setRootPath("data.job");
    }

    @Test
    void aMaskedEditRepaintsOnlyTheTransparentAreaAndRecordsItsLineage() {
        String source = upload(TestImages.solid(128, 96, new Color(0x20, 0x40, 0x60)));
        String mask = upload(TestImages.mask(128, 96, 0, 0, 64, 96));

        String jobId = GraphQL.post(EDIT, Map.of("i", Map.of("sourceImageId", source, "maskImageId", mask,
                        "prompt", "make it red", "strength", 1.0)))
                .body("errors", nullValue()).body("data.editImage.status", is("QUEUED"))
                .extract().path("data.editImage.id");
        JsonPath job = finished(jobId);

        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("provider")).isEqualTo("LOCAL");
        assertThat(job.getString("images[0].kind")).isEqualTo("EDITED");
        assertThat(job.getString("images[0].sourceImageId")).isEqualTo(source);
        assertThat(job.getInt("images[0].width")).as("the source's size by default").isEqualTo(128);
        assertThat(job.getInt("images[0].height")).isEqualTo(96);
        assertThat(job.getString("images[0].revisedPrompt")).startsWith("[LOCAL edit preview]");
        assertThat(job.getString("attempts[0].prompt")).as("the instruction's frame dropped for an SD-style dialect")
                .startsWith("red, consistent with the original composition");

        BufferedImage edited = TestImages.decode(given().get(job.getString("images[0].url")).then().statusCode(200)
                .extract().asByteArray());
        assertThat(new Color(edited.getRGB(100, 50))).as("outside the mask: untouched")
                .isEqualTo(new Color(0x20, 0x40, 0x60));
        Color inside = new Color(edited.getRGB(10, 50));
        assertThat(inside.getRed()).as("inside the mask: repainted towards red").isGreaterThan(0xA0);

        String imageId = job.getString("images[0].id");
        GraphQL.post("query($id: ID!) { image(id: $id) { kind edits { id kind sourceImageId } } }", Map.of("id", source))
                .body("data.image.kind", is("UPLOADED"))
                .body("data.image.edits.id", org.hamcrest.Matchers.contains(imageId));
    }

    @Test
    void anUnmaskedEditChangesTheWholeImageBySeedDeterministically() {
        String source = upload(TestImages.solid(80, 80, new Color(0x50, 0x50, 0x50)));
        Map<String, Object> input = new HashMap<>(Map.of("sourceImageId", source, "prompt", "turn it blue",
                "seed", 3, "size", "64x64"));
        String first = GraphQL.post(EDIT, Map.of("i", input)).extract().path("data.editImage.id");
        String second = GraphQL.post(EDIT, Map.of("i", input)).extract().path("data.editImage.id");
        JsonPath a = finished(first);
        JsonPath b = finished(second);
        byte[] one = given().get(a.getString("images[0].url")).then().extract().asByteArray();
        byte[] two = given().get(b.getString("images[0].url")).then().extract().asByteArray();
        assertThat(one).isEqualTo(two);
        BufferedImage edited = TestImages.decode(one);
        assertThat(edited.getWidth()).isEqualTo(64);
        assertThat(new Color(edited.getRGB(5, 5)).getBlue()).isGreaterThan(new Color(edited.getRGB(5, 5)).getRed());
    }

    @Test
    void anEditKeepsTheSourcesShapeBySize() {
        assertThat(dev.atelier.routing.GenerationRequests.editSize(64, 48)).isEqualTo("88x64");
        assertThat(dev.atelier.routing.GenerationRequests.editSize(4000, 3000)).isEqualTo("1184x888");
        assertThat(dev.atelier.routing.GenerationRequests.editSize(320, 192)).isEqualTo("320x192");
    }

    @Test
    void aWebpSourceIsNotSentToThePreviewThatCannotReadIt() {
        String webp = given().multiPart("file", "dot.webp", TestImages.webp(), "image/webp")
                .post("/uploads").then().statusCode(201).extract().path("id");
        // another replica with a vendor configured could make it, so it is queued; here it fails with the reason
        String jobId = GraphQL.post(EDIT, Map.of("i", Map.of("sourceImageId", webp, "prompt", "make it red")))
                .body("errors", nullValue()).extract().path("data.editImage.id");
        JsonPath job = finished(jobId);
        assertThat(job.getString("error.code")).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(job.getString("error.message")).contains("LOCAL left out: cannot read a WebP image");
    }

    @Test
    void someoneElsesPrivateImageAsSourceIsNotFoundAndNoJobIsMade() {
        String mine = upload(TestImages.png(70, 70));
        UUID other = ForeignRows.user(pool);
        pool.preparedQuery("update images set user_id = $1 where id = $2")
                .execute(Tuple.of(other, UUID.fromString(mine))).await().indefinitely();
        long before = jobs();
        GraphQL.post(EDIT, Map.of("i", Map.of("sourceImageId", mine, "prompt", "make it night")))
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("NOT_FOUND"))
                .body("errors[0].message", containsString("sourceImageId"));
        String source = upload(TestImages.png(71, 71));
        GraphQL.post(EDIT, Map.of("i", Map.of("sourceImageId", source, "referenceImageIds", List.of(mine),
                        "prompt", "in this style")))
                .body("errors[0].extensions.code", is("NOT_FOUND"))
                .body("errors[0].message", containsString("referenceImageIds[0]"));
        assertThat(jobs()).isEqualTo(before);
    }

    @Test
    void aMaskMustMatchTheSourceAndHaveTransparentPixels() {
        String source = upload(TestImages.png(90, 60));
        String small = upload(TestImages.mask(45, 30, 0, 0, 10, 10));
        String opaque = upload(TestImages.solid(90, 60, Color.BLACK));
        long before = jobs();
        GraphQL.post(EDIT, Map.of("i", Map.of("sourceImageId", source, "maskImageId", small, "prompt", "add a moon")))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("maskImageId is 45x30; a mask must be the source's size, 90x60"));
        GraphQL.post(EDIT, Map.of("i", Map.of("sourceImageId", source, "maskImageId", opaque, "prompt", "add a moon")))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("no transparent pixels"));
        GraphQL.post(EDIT, Map.of("i", Map.of("sourceImageId", source, "prompt", "add a moon", "strength", 1.5)))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("strength"));
        GraphQL.post(EDIT, Map.of("i", Map.of("sourceImageId", "not-an-id", "prompt", "add a moon")))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        assertThat(jobs()).isEqualTo(before);
    }

    @Inject
    JsonColumns json;

    @Inject
    dev.atelier.queue.JobQueue queue;

    @Test
    void anEditWhoseSourceIsGoneWhenItRunsFailsAsNotFound() {
        // admitted while the source existed; deleted before a worker took the job up
        UUID owner = ForeignRows.localUser(pool);
        dev.atelier.provider.ImageEdit gone = new dev.atelier.provider.ImageEdit(
                new dev.atelier.provider.EditImage(UUID.randomUUID(), "image/png", 64, 64, null), null, List.of(), null);
        JobRequest request = new JobRequest(JobRequest.VERSION, JobRequest.GRAPHQL, "make it night", true, null, null,
                null, List.of(), null, false, null, null, 64, 64, 1, null, null, null, null, null, null, false, gone);
        UUID jobId = UUID.randomUUID();
        pool.preparedQuery("""
                insert into generation_jobs (id, user_id, status, stage, request, queued_at)
                values ($1, $2, 'QUEUED', 'QUEUED', $3, now())""")
                .execute(Tuple.of(jobId, owner, json.write(request))).await().indefinitely();
        queue.enqueue(jobId).await().indefinitely();

        JsonPath job = finished(jobId.toString());
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("error.code")).isEqualTo("NOT_FOUND");
        assertThat(job.getString("error.message")).contains("gone or no longer shared");
    }

    private long jobs() {
        return pool.query("select count(*) from generation_jobs").execute().await().indefinitely().iterator().next()
                .getLong(0);
    }
}
