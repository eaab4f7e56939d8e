package dev.atelier.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.atelier.support.GraphQL;
import dev.atelier.support.ProviderState;
import dev.atelier.support.ProvidersProfile;
import dev.atelier.support.TestImages;
import dev.atelier.support.VendorWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Edits on the vendors, each fake answering in its documented shape: OpenAI's /v1/images/edits (multipart image[],
 * mask), Stability's inpaint and sd3 image-to-image. A masked edit fails over from OpenAI to Stability's inpainting
 * - never to Google, which takes no mask - and each is sent its own phrasing of the instruction.
 */
@QuarkusTest
@TestProfile(ProvidersProfile.class)
class EditProvidersTest {

    static final String OPENAI_EDITS = "/v1/images/edits";
    static final String INPAINT = "/v2beta/stable-image/edit/inpaint";
    static final String SD3 = "/v2beta/stable-image/generate/sd3";
    static final String EDIT = "mutation($i: EditImageInput!) { editImage(input: $i) { id status } }";

    @Inject
    ProviderState state;

    WireMockServer openai;
    WireMockServer google;
    WireMockServer stability;

    byte[] source = TestImages.solid(96, 64, new Color(0x33, 0x66, 0x99));
    byte[] mask = TestImages.mask(96, 64, 0, 0, 48, 64);
    byte[] reference = TestImages.jpeg(40, 40);

    @BeforeEach
    void fakes() {
        openai = VendorWireMock.server(VendorWireMock.OpenAi.class);
        google = VendorWireMock.server(VendorWireMock.Google.class);
        stability = VendorWireMock.server(VendorWireMock.Stability.class);
        state.reset();
        stability.stubFor(post(urlEqualTo(INPAINT)).willReturn(png(TestImages.png(96, 64))));
        stability.stubFor(post(urlEqualTo(SD3)).willReturn(png(TestImages.png(96, 64))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder png(byte[] bytes) {
        return aResponse().withHeader("Content-Type", "image/png").withHeader("finish-reason", "SUCCESS")
                .withHeader("seed", "77").withBody(bytes);
    }

    void openAiFails() {
        openai.stubFor(post(urlEqualTo(OPENAI_EDITS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"message": "The server had an error while processing your request.",
                         "type": "server_error", "param": null, "code": null}}""")));
    }

    void openAiServes() {
        openai.stubFor(post(urlEqualTo(OPENAI_EDITS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_edit_1").withBody("""
                        {"created": 1764547200, "background": "opaque", "output_format": "png", "quality": "medium",
                         "size": "1024x1024",
                         "data": [{"b64_json": "%s"}],
                         "usage": {"input_tokens": 1200, "output_tokens": 1056, "total_tokens": 2256,
                                   "input_tokens_details": {"text_tokens": 40, "image_tokens": 1160}}}"""
                        .formatted(TestImages.pngBase64(1024, 1024)))));
    }

    static Map<String, Object> edit(String source, String mask, String prompt) {
        Map<String, Object> input = new HashMap<>();
        input.put("sourceImageId", source);
        if (mask != null) {
            input.put("maskImageId", mask);
        }
        input.put("prompt", prompt);
        return input;
    }

    static JsonPath run(Map<String, Object> input) {
        String id = GraphQL.post(EDIT, Map.of("i", input)).body("errors", nullValue()).extract()
                .path("data.editImage.id");
        return EditImageTest.finished(id);
    }

    static List<byte[]> parts(LoggedRequest request, String name) {
        return request.getParts().stream().filter(p -> p.getName().equals(name)).map(p -> p.getBody().asBytes()).toList();
    }

    static String text(LoggedRequest request, String name) {
        return request.getPart(name) == null ? null : request.getPart(name).getBody().asString();
    }

    @Test
    void aMaskedEditFailsOverFromOpenAiToStabilityInpaintingNeverToGoogle() {
        openAiFails();
        Map<String, Object> input = edit(EditImageTest.upload(source), EditImageTest.upload(mask), "remove the car");
        input.put("provider", "OPENAI");
        input.put("allowFallback", true);
        input.put("priority", "QUALITY");

        JsonPath job = run(input);

        assertThat(job.getString("status")).as(job.prettyPrint()).isEqualTo("SUCCEEDED");
        assertThat(job.getString("provider")).isEqualTo("STABILITY");
        assertThat(job.getList("attempts.provider")).containsExactly("OPENAI", "STABILITY");
        assertThat(google.getAllServeEvents()).as("Google takes no mask").isEmpty();
        assertThat(job.getString("images[0].kind")).isEqualTo("EDITED");

        LoggedRequest toOpenAi = openai.findAll(postRequestedFor(urlEqualTo(OPENAI_EDITS))).get(0);
        assertThat(toOpenAi.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(parts(toOpenAi, "image[]")).singleElement().isEqualTo(source);
        assertThat(parts(toOpenAi, "mask")).singleElement().isEqualTo(mask);
        assertThat(text(toOpenAi, "prompt")).isEqualTo("Edit only the masked area of the provided image: Remove the "
                + "car. Leave everything outside the mask untouched and blend the change seamlessly into it.");
        assertThat(text(toOpenAi, "model")).isEqualTo("gpt-image-2.6-sunburst");
        assertThat(text(toOpenAi, "n")).isEqualTo("1");

        LoggedRequest toStability = stability.findAll(postRequestedFor(urlEqualTo(INPAINT))).get(0);
        assertThat(parts(toStability, "image")).singleElement().isEqualTo(source);
        BufferedImage sentMask = TestImages.decode(parts(toStability, "mask").get(0));
        assertThat(sentMask.getRaster().getSample(10, 10, 0)).as("white = repaint for Stability").isEqualTo(255);
        assertThat(sentMask.getRaster().getSample(80, 10, 0)).as("black = keep").isZero();
        assertThat(text(toStability, "prompt")).startsWith("empty background, seamless continuation");
        assertThat(text(toStability, "negative_prompt")).isEqualTo("the car");
        assertThat(text(toStability, "aspect_ratio")).isNull();
        assertThat(job.getString("attempts[1].prompt")).isEqualTo(text(toStability, "prompt"));
    }

    @Test
    void estimateEditPricesEveryProviderAndSaysWhyOneCannotMakeTheEdit() {
        Map<String, Object> input = edit(EditImageTest.upload(source), EditImageTest.upload(mask), "remove the car");
        input.put("priority", "QUALITY");

        JsonPath estimate = GraphQL.post("""
                query($i: EditImageInput!) { estimateEdit(input: $i) { provider model usd
                  alternatives { provider model usd eligible ineligibleReason } } }""", Map.of("i", input))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.estimateEdit");

        List<Map<String, Object>> alternatives = estimate.getList("alternatives");
        Map<String, Map<String, Object>> byProvider = new HashMap<>();
        alternatives.forEach(a -> byProvider.put((String) a.get("provider"), a));
        assertThat(byProvider.get("GOOGLE").get("eligible")).isEqualTo(false);
        assertThat(byProvider.get("GOOGLE").get("ineligibleReason")).isEqualTo("cannot repaint a masked area");
        assertThat(byProvider.get("STABILITY").get("eligible")).isEqualTo(true);
        assertThat(byProvider.get("STABILITY").get("model")).isEqualTo("inpaint");
        assertThat(((Number) byProvider.get("STABILITY").get("usd")).doubleValue()).as("5 credits")
                .isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(estimate.getString("provider")).isIn("OPENAI", "STABILITY", "SDWEBUI");
    }

    @Test
    void anEditNoProviderCanMakeIsRefusedWithTheReasonsAndNoJob() {
        Map<String, Object> input = edit(EditImageTest.upload(source), EditImageTest.upload(mask), "add a moon");
        input.put("provider", "GOOGLE");
        long before = jobs();

        JsonPath answer = GraphQL.post(EDIT, Map.of("i", input)).extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(answer.getString("errors[0].message")).contains("GOOGLE left out: cannot repaint a masked area");
        assertThat(jobs()).isEqualTo(before);
        assertThat(google.getAllServeEvents()).isEmpty();
    }

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    long jobs() {
        return pool.query("select count(*) from generation_jobs").execute().await().indefinitely().iterator().next()
                .getLong(0);
    }

    @Test
    void openAiEditsTheSourceWithItsReferencesAsRepeatedImageParts() {
        openAiServes();
        Map<String, Object> input = edit(EditImageTest.upload(source), null, "make it night");
        input.put("referenceImageIds", List.of(EditImageTest.upload(reference)));
        input.put("provider", "OPENAI");
        input.put("quality", "HD");

        JsonPath job = run(input);

        assertThat(job.getString("status")).as(job.prettyPrint()).isEqualTo("SUCCEEDED");
        assertThat(job.getString("provider")).isEqualTo("OPENAI");
        LoggedRequest sent = openai.findAll(postRequestedFor(urlEqualTo(OPENAI_EDITS))).get(0);
        assertThat(parts(sent, "image[]")).containsExactly(source, reference);
        assertThat(sent.getParts().stream().filter(p -> p.getName().equals("image[]")).map(p -> p.getHeader("Content-Type")
                .firstValue()).toList()).containsExactly("image/png", "image/jpeg");
        assertThat(parts(sent, "mask")).isEmpty();
        assertThat(text(sent, "prompt")).startsWith("Edit the provided image: Make it night. Keep everything else");
        assertThat(text(sent, "quality")).isEqualTo("high");
        assertThat(job.getString("images[0].kind")).isEqualTo("EDITED");
    }

    @Test
    void stabilityImageToImageGoesToSd3WithTheStrengthAndNoAspectRatio() {
        Map<String, Object> input = edit(EditImageTest.upload(source), null, "turn it into a watercolor painting");
        input.put("provider", "STABILITY");
        input.put("strength", 0.35);
        input.put("seed", 5);

        JsonPath job = run(input);

        assertThat(job.getString("status")).as(job.prettyPrint()).isEqualTo("SUCCEEDED");
        LoggedRequest sent = stability.findAll(postRequestedFor(urlEqualTo(SD3))).get(0);
        assertThat(text(sent, "mode")).isEqualTo("image-to-image");
        assertThat(text(sent, "strength")).isEqualTo("0.35");
        assertThat(text(sent, "model")).isEqualTo("sd3.5-large");
        assertThat(text(sent, "seed")).isEqualTo("5");
        assertThat(text(sent, "aspect_ratio")).isNull();
        assertThat(parts(sent, "image")).singleElement().isEqualTo(source);
        assertThat(text(sent, "prompt")).startsWith("a watercolor painting, consistent with the original");
    }

    static final String GEMINI = ProviderPromptsTest.GOOGLE;
    static final String IMG2IMG = "/sdapi/v1/img2img";

    @Test
    void geminiGetsTheSourceAndTheReferencesAsInlineDataPartsAfterTheInstruction() {
        google.stubFor(post(urlEqualTo(GEMINI)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"candidates": [{"content": {"role": "model", "parts": [{"inlineData": {"mimeType": "image/png",
                           "data": "%s"}}]}, "finishReason": "STOP"}],
                         "usageMetadata": {"promptTokenCount": 1300, "candidatesTokenCount": 1290,
                           "totalTokenCount": 2590}}""".formatted(TestImages.pngBase64(96, 64)))));
        Map<String, Object> input = edit(EditImageTest.upload(source), null, "put the cat from the second image on the sofa");
        input.put("referenceImageIds", List.of(EditImageTest.upload(reference)));
        input.put("provider", "GOOGLE");

        JsonPath job = run(input);

        assertThat(job.getString("status")).as(job.prettyPrint()).isEqualTo("SUCCEEDED");
        io.vertx.core.json.JsonArray parts = new io.vertx.core.json.JsonObject(google.findAll(postRequestedFor(
                urlEqualTo(GEMINI))).get(0).getBodyAsString()).getJsonArray("contents").getJsonObject(0)
                .getJsonArray("parts");
        assertThat(parts).hasSize(3);
        assertThat(parts.getJsonObject(0).getString("text")).startsWith("Edit the provided image: Put the cat");
        assertThat(parts.getJsonObject(1).getJsonObject("inlineData").getString("mimeType")).isEqualTo("image/png");
        assertThat(java.util.Base64.getDecoder().decode(parts.getJsonObject(1).getJsonObject("inlineData")
                .getString("data"))).isEqualTo(source);
        assertThat(parts.getJsonObject(2).getJsonObject("inlineData").getString("mimeType")).isEqualTo("image/jpeg");
        assertThat(java.util.Base64.getDecoder().decode(parts.getJsonObject(2).getJsonObject("inlineData")
                .getString("data"))).isEqualTo(reference);
    }

    @Test
    void theSdWebUiInpaintsThroughImg2ImgWithAWhiteRepaintMaskAndTheStrength() {
        WireMockServer sdwebui = VendorWireMock.server(VendorWireMock.SdWebUi.class);
        sdwebui.stubFor(post(urlEqualTo(IMG2IMG)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"images": ["%s"], "parameters": {"init_images": null, "mask": null},
                         "info": "{\\"seed\\": 4242, \\"all_seeds\\": [4242]}"}"""
                        .formatted(TestImages.pngBase64(96, 64)))));
        Map<String, Object> input = edit(EditImageTest.upload(source), EditImageTest.upload(mask), "add a red balloon");
        input.put("provider", "SDWEBUI");
        input.put("strength", 0.55);

        JsonPath job = run(input);

        assertThat(job.getString("status")).as(job.prettyPrint()).isEqualTo("SUCCEEDED");
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(sdwebui.findAll(postRequestedFor(
                urlEqualTo(IMG2IMG))).get(0).getBodyAsString());
        assertThat(java.util.Base64.getDecoder().decode(body.getJsonArray("init_images").getString(0))).isEqualTo(source);
        BufferedImage sentMask = TestImages.decode(java.util.Base64.getDecoder().decode(body.getString("mask")));
        assertThat(sentMask.getColorModel().hasAlpha()).as("no alpha for the web UI to read backwards").isFalse();
        assertThat(sentMask.getRaster().getSample(5, 5, 0)).isEqualTo(255);
        assertThat(sentMask.getRaster().getSample(90, 5, 0)).isZero();
        assertThat(body.getDouble("denoising_strength")).isEqualTo(0.55);
        assertThat(body.getInteger("inpainting_mask_invert")).isZero();
        assertThat(body.getString("prompt")).startsWith("a red balloon, consistent with the original");
        assertThat(body.getInteger("width")).isEqualTo(96);
    }

    @Test
    void aStrengthLeavesOutProvidersThatTakeNone() {
        Map<String, Object> input = edit(EditImageTest.upload(source), null, "make it night");
        input.put("provider", "OPENAI");
        input.put("strength", 0.5);

        JsonPath answer = GraphQL.post(EDIT, Map.of("i", input)).extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(answer.getString("errors[0].message")).contains("OPENAI left out: does not take an edit strength");
        assertThat(openai.getAllServeEvents()).isEmpty();
    }
}
