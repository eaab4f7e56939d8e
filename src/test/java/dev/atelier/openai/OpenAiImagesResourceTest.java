package dev.atelier.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The OpenAI-compatible endpoint, called with the request shape of OpenAI's SDKs and checked against its answer shape. */
@QuarkusTest
class OpenAiImagesResourceTest {

    static ExtractableResponse<Response> post(Object body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer sk-anything").body(body)
                .post("/v1/images/generations").then().extract();
    }

    @Test
    void answersTheOfficialRequestWithOpenAisResponseShapeAndRecordsAJob() throws Exception {
        ExtractableResponse<Response> answer = post(Map.of("model", "auto", "prompt", "a cat on a red sofa", "n", 2,
                "size", "256x256", "quality", "standard", "response_format", "b64_json", "user", "user-1234"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        Map<String, Object> body = answer.jsonPath().getMap("");
        assertThat(body.keySet()).containsExactlyInAnyOrder("created", "data");
        assertThat(answer.jsonPath().getLong("created")).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        List<Map<String, Object>> data = answer.jsonPath().getList("data");
        assertThat(data).hasSize(2);
        for (Map<String, Object> item : data) {
            assertThat(item.keySet()).contains("b64_json").isSubsetOf("b64_json", "revised_prompt");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) item.get("b64_json"))));
            assertThat(png.getWidth()).isEqualTo(256);
            assertThat(png.getHeight()).isEqualTo(256);
        }
        assertThat(answer.header("x-atelier-provider")).isEqualTo("LOCAL");
        assertThat(answer.header("x-atelier-model")).isEqualTo("local-preview-v1");
        assertThat(new java.math.BigDecimal(answer.header("x-atelier-cost-usd"))).isZero();
        assertThat(Double.parseDouble(answer.header("x-atelier-overhead-ms"))).isNotNegative();

        String jobId = answer.header("x-atelier-job-id");
        var job = GraphQL.post("query($id: ID!) { job(id: $id) { status provider images { id } attempts { outcome } } }",
                Map.of("id", jobId)).body("errors", nullValue()).extract().jsonPath();
        assertThat(job.getString("data.job.status")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("data.job.provider")).isEqualTo("LOCAL");
        assertThat(job.getList("data.job.images")).hasSize(2);
        assertThat(job.getList("data.job.attempts.outcome")).containsExactly("SUCCEEDED");
    }

    @Test
    void urlResponsesPointAtTheStoredImage() {
        ExtractableResponse<Response> answer = post(Map.of("prompt", "a lighthouse", "size", "128x128",
                "response_format", "url"));

        assertThat(answer.statusCode()).isEqualTo(200);
        String url = answer.jsonPath().getString("data[0].url");
        assertThat(url).matches("http://[^/]+/images/[0-9a-f-]{36}");
        byte[] bytes = given().get(url).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(bytes).isNotEmpty();
        assertThat(answer.jsonPath().getString("data[0].b64_json")).isNull();
    }

    @Test
    void badRequestsGetOpenAisErrorShape() {
        for (Object bad : List.of(Map.of("prompt", ""), Map.of("prompt", "x", "n", 0), Map.of("prompt", "x", "n", 1.5),
                Map.of("prompt", "x", "size", "huge"), Map.of("prompt", "x", "model", "midjourney-v6"),
                Map.of("prompt", "x", "response_format", "gif"), Map.of("prompt", 42), Map.of("prompt", "x", "n", "2"),
                "not json", "[1,2]", "{\"prompt\": \"x\"} trailing")) {
            ExtractableResponse<Response> answer = post(bad);
            assertThat(answer.statusCode()).as(String.valueOf(bad)).isEqualTo(400);
            Map<String, Object> error = answer.jsonPath().getMap("error");
            assertThat(error.keySet()).containsExactlyInAnyOrder("message", "type", "param", "code");
            assertThat(error.get("type")).isEqualTo("invalid_request_error");
            assertThat((String) error.get("message")).isNotBlank().doesNotContain("Exception");
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedAndAnEmptyBodyIsExplained() {
        assertThat(post(Map.of("prompt", "x", "n", "2")).jsonPath().getString("error.message"))
                .isEqualTo("The field n has the wrong type");
        assertThat(post(Map.of("prompt", true)).jsonPath().getString("error.message"))
                .isEqualTo("The field prompt has the wrong type");
        ExtractableResponse<Response> empty = given().contentType(ContentType.JSON).post("/v1/images/generations")
                .then().extract();
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.jsonPath().getString("error.message")).contains("empty");
        ExtractableResponse<Response> form = given().contentType(ContentType.TEXT).body("prompt=x")
                .post("/v1/images/generations").then().extract();
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.jsonPath().getString("error.code")).isEqualTo("unsupported_media_type");
    }

    @Test
    void streamTrueAnswersOpenAisServerSentEvents() throws Exception {
        ExtractableResponse<Response> answer = post(Map.of("model", "local", "prompt", "a kite over the dunes",
                "size", "320x192", "n", 2, "stream", true, "partial_images", 2));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/event-stream");
        assertThat(answer.header("x-atelier-provider")).isEqualTo("LOCAL");
        String[] events = answer.asString().split("\n\n");
        assertThat(events).hasSize(2);
        for (String event : events) {
            String[] lines = event.split("\n");
            assertThat(lines[0]).isEqualTo("event: image_generation.completed");
            assertThat(lines[1]).startsWith("data: ");
            io.vertx.core.json.JsonObject data = new io.vertx.core.json.JsonObject(lines[1].substring(6));
            assertThat(data.fieldNames()).containsExactlyInAnyOrder("type", "b64_json", "created_at", "size", "quality",
                    "background", "output_format", "usage");
            assertThat(data.getString("type")).isEqualTo("image_generation.completed");
            assertThat(data.getString("size")).isEqualTo("320x192");
            assertThat(data.getString("output_format")).isEqualTo("png");
            assertThat(data.getJsonObject("usage").fieldNames()).containsExactlyInAnyOrder("input_tokens",
                    "input_tokens_details", "output_tokens", "total_tokens");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.getString("b64_json"))));
            assertThat(png.getWidth()).isEqualTo(320);
        }

        ExtractableResponse<Response> tooMany = post(Map.of("model", "local", "prompt", "a kite", "stream", true,
                "partial_images", 4));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.jsonPath().getString("error.message")).contains("partial_images");
    }

    @Test
    void theModelListShowsWhatCanBeServedAndEachIdPinsItsProvider() {
        ExtractableResponse<Response> list = given().header("Authorization", "Bearer sk-anything").get("/v1/models")
                .then().extract();
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.jsonPath().getString("object")).isEqualTo("list");
        List<String> ids = list.jsonPath().getList("data.id", String.class);
        assertThat(ids).as("the offline defaults: the router and the LOCAL preview").containsExactly("auto", "local",
                "local-preview-v1");
        assertThat(list.jsonPath().getList("data.object", String.class)).containsOnly("model");
        assertThat(list.jsonPath().getList("data.owned_by", String.class)).containsExactly("atelier", "local", "local");
        for (String id : ids) {
            assertThat(post(Map.of("model", id, "prompt", "a fox", "size", "64x64")).statusCode()).as(id).isEqualTo(200);
        }
    }

    @Test
    void aPinnedProviderThatIsNotConfiguredIsUnavailableAndTheJobIsRecordedAsFailed() {
        ExtractableResponse<Response> answer = post(Map.of("model", "dall-e-3", "prompt", "a fox", "size", "1024x1024"));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.jsonPath().getString("error.type")).isEqualTo("server_error");
        assertThat(answer.jsonPath().getString("error.code")).isEqualTo("provider_unavailable");
        assertThat(answer.jsonPath().getString("error.message")).contains("OPENAI");
    }
}
