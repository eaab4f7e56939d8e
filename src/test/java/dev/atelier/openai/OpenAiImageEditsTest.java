package dev.atelier.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * {@code POST /v1/images/edits} in OpenAI's multipart shape on the offline defaults: the answer, the headers and the
 * lineage of the result; refusals in OpenAI's error shape with nothing kept. (The official SDK drives the same
 * endpoint in the e2e stage: e2e/openai-sdk.mjs.)
 */
@QuarkusTest
class OpenAiImageEditsTest {

    @Inject
    Pool pool;

    static RequestSpecification form() {
        return given().multiPart("model", "local").multiPart("prompt", "make it red");
    }

    @Test
    void anEditAnswersLikeAGenerationAndIsRecordedWithItsSource() {
        byte[] source = TestImages.png(200, 120);
        ExtractableResponse<Response> answer = form().multiPart("image", "source.png", source, "image/png")
                .multiPart("response_format", "b64_json").post("/v1/images/edits").then().statusCode(200)
                .header("x-atelier-provider", is("LOCAL")).header("x-atelier-cost-usd", is("0"))
                .extract();
        byte[] edited = Base64.getDecoder().decode(answer.jsonPath().getString("data[0].b64_json"));
        assertThat(TestImages.decode(edited).getWidth()).isEqualTo(200);
        String jobId = answer.header("x-atelier-job-id");
        Object kind = dev.atelier.support.GraphQL.post(
                "query($id: ID!) { job(id: $id) { images { kind sourceImageId } } }", java.util.Map.of("id", jobId))
                .extract().path("data.job.images[0].kind");
        assertThat(kind).isEqualTo("EDITED");
    }

    @Test
    void repeatedImageArrayPartsAreTheSourceAndItsReferences() {
        // LOCAL takes no references: a second image leaves no provider that can make the edit, and nothing is kept
        long before = images();
        form().multiPart("image[]", "a.png", TestImages.png(64, 64), "image/png")
                .multiPart("image[]", "b.png", TestImages.png(32, 32), "image/png")
                .post("/v1/images/edits").then().statusCode(503)
                .body("error.type", is("server_error"))
                .body("error.message", containsString("LOCAL left out: takes no reference images"));
        assertThat(images()).isEqualTo(before);
    }

    @Test
    void refusalsUseOpenAisErrorShapeAndKeepNothing() {
        long before = images();
        form().post("/v1/images/edits").then().statusCode(400).body("error.type", is("invalid_request_error"))
                .body("error.message", containsString("image"));
        form().multiPart("image", "x.png", "not an image at all, just text".getBytes(), "image/png")
                .post("/v1/images/edits").then().statusCode(400).body("error.type", is("invalid_request_error"))
                .body("error.message", containsString("not a PNG, JPEG or WebP"));
        form().multiPart("image", "x.png", TestImages.png(64, 64), "image/png").multiPart("n", "two")
                .post("/v1/images/edits").then().statusCode(400).body("error.message", is("n must be a whole number"));
        form().multiPart("image", "x.png", TestImages.png(64, 64), "image/png")
                .multiPart("mask", "bomb.png", TestImages.pixelBomb(20_000, 20_000), "image/png")
                .post("/v1/images/edits").then().statusCode(400).body("error.message", containsString("megapixels"));
        form().multiPart("image", "x.png", TestImages.png(64, 48), "image/png")
                .multiPart("mask", "m.png", TestImages.mask(32, 32, 0, 0, 8, 8), "image/png")
                .post("/v1/images/edits").then().statusCode(400).body("error.message", containsString("mask is 32x32"));
        form().multiPart("image", "x.png", TestImages.png(64, 48), "image/png")
                .multiPart("mask", "m.png", TestImages.solid(64, 48, java.awt.Color.BLACK), "image/png")
                .post("/v1/images/edits").then().statusCode(400).body("error.message", containsString("no transparent"));
        assertThat(images()).as("nothing kept, not even the good image beside the bad one").isEqualTo(before);
    }

    @Test
    void anotherSitesPageCannotEdit() {
        form().header("Origin", "https://evil.example").multiPart("image", "x.png", TestImages.png(64, 64), "image/png")
                .post("/v1/images/edits").then().statusCode(403).body("error.code", is("forbidden"));
    }

    private long images() {
        return pool.query("select count(*) from images").execute().await().indefinitely().iterator().next().getLong(0);
    }
}
