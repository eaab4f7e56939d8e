package dev.atelier.provider.google;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atelier.provider.AspectRatios;
import dev.atelier.provider.EditImage;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.provider.TokenUsage;
import dev.atelier.provider.VendorFailures;

/** Request bodies and response parsing for Imagen {@code :predict} and Gemini {@code :generateContent}. */
final class VertexPayloads {

    static final List<String> ASPECT_RATIOS = List.of("1:1", "3:4", "4:3", "9:16", "16:9");
    private static final Set<String> BLOCKED_FINISH = Set.of("SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT",
            "BLOCKLIST", "SPII", "RECITATION", "IMAGE_PROHIBITED_CONTENT");

    private VertexPayloads() {
    }

    static boolean isGemini(String model) {
        return model.startsWith("gemini");
    }

    /** The supported aspect ratio nearest to width:height. */
    static String aspectRatio(int width, int height) {
        return AspectRatios.nearest(ASPECT_RATIOS, width, height);
    }

    static Map<String, Object> imagen(ImageRequest request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("sampleCount", request.count());
        parameters.put("aspectRatio", aspectRatio(request.width(), request.height()));
        if (request.negativePrompt() != null && !request.negativePrompt().isBlank()) {
            parameters.put("negativePrompt", request.negativePrompt());
        }
        // Atelier already enhanced the prompt
        parameters.put("enhancePrompt", false);
        parameters.put("personGeneration", "allow_adult");
        parameters.put("safetySetting", "block_medium_and_above");
        // the seed only applies without a watermark
        parameters.put("addWatermark", false);
        if (request.seed() != null) {
            parameters.put("seed", request.seed());
        }
        parameters.put("sampleImageSize", request.quality() == Quality.HD ? "2K" : "1K");
        parameters.put("includeRaiReason", true);
        parameters.put("outputOptions", Map.of("mimeType", "image/png"));
        return Map.of("instances", List.of(Map.of("prompt", request.prompt())), "parameters", parameters);
    }

    /**
     * A Gemini image request: {@code imageConfig} with the model's aspect ratio nearest to the request and its image
     * size class, one candidate (Gemini image models refuse {@code candidateCount} above 1 with a 400, so several
     * images are several calls). Source: ai.google.dev image generation docs and the Vertex
     * {@code GenerationConfig.ImageConfig} reference, read 2026-12-01.
     */
    static Map<String, Object> gemini(ImageRequest request, List<String> aspectRatios, String imageSize) {
        Map<String, Object> imageConfig = new LinkedHashMap<>();
        imageConfig.put("aspectRatio", AspectRatios.nearest(aspectRatios == null || aspectRatios.isEmpty()
                ? ASPECT_RATIOS : aspectRatios, request.width(), request.height()));
        if (imageSize != null) {
            imageConfig.put("imageSize", imageSize);
        }
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("responseModalities", List.of("IMAGE"));
        generation.put("candidateCount", 1);
        generation.put("imageConfig", imageConfig);
        return Map.of(
                "contents", List.of(Map.of("role", "user", "parts", parts(request))),
                "generationConfig", generation);
    }

    /**
     * The instruction, then for an edit the source and the references as {@code inlineData} parts, in that order
     * (ai.google.dev "Image generation": editing is extra image parts of the same request; read 2026-12-01).
     */
    private static List<Map<String, Object>> parts(ImageRequest request) {
        List<Map<String, Object>> parts = new ArrayList<>();
        parts.add(Map.of("text", request.prompt()));
        if (request.isEdit()) {
            Base64.Encoder base64 = Base64.getEncoder();
            for (EditImage image : Stream.concat(Stream.of(request.edit().source()),
                    request.edit().references().stream()).toList()) {
                parts.add(Map.of("inlineData", Map.of("mimeType", image.mimeType(),
                        "data", base64.encodeToString(image.bytes()))));
            }
        }
        return parts;
    }

    /**
     * The image size class for a request among the model's ({@code 512}, {@code 1K}, {@code 2K}, {@code 4K}): the
     * smallest whose long edge covers the request's (HD at least 2K), else the largest; null for a model without
     * size classes.
     */
    static String imageSize(ImageRequest request, List<String> sizes) {
        if (sizes == null || sizes.isEmpty()) {
            return null;
        }
        int wanted = Math.max(Math.max(request.width(), request.height()), request.quality() == Quality.HD ? 2048 : 1);
        String largest = sizes.get(0);
        for (String size : sizes) {
            if (edge(size) >= wanted) {
                return size;
            }
            largest = edge(size) > edge(largest) ? size : largest;
        }
        return largest;
    }

    private static int edge(String size) {
        return size.endsWith("K") ? Integer.parseInt(size.substring(0, size.length() - 1)) * 1024 : Integer.parseInt(size);
    }

    /**
     * The tokens of a Gemini answer's {@code usageMetadata}, by modality where the details are given: prompt text
     * and image tokens in, image tokens out, and the rest of the output (text, thoughts) as text; null without usage.
     */
    static TokenUsage usage(JsonNode body) {
        JsonNode usage = body.path("usageMetadata");
        if (!usage.isObject()) {
            return null;
        }
        long prompt = usage.path("promptTokenCount").asLong(0);
        long candidates = usage.path("candidatesTokenCount").asLong(0);
        long imageIn = modality(usage.path("promptTokensDetails"), "IMAGE", 0);
        long imageOut = modality(usage.path("candidatesTokensDetails"), "IMAGE", candidates);
        long textOut = candidates - imageOut + usage.path("thoughtsTokenCount").asLong(0);
        return new TokenUsage(prompt - imageIn, imageIn, imageOut, textOut);
    }

    private static long modality(JsonNode details, String modality, long otherwise) {
        if (!details.isArray() || details.isEmpty()) {
            return otherwise;
        }
        long tokens = 0;
        for (JsonNode detail : details) {
            if (modality.equals(detail.path("modality").asText())) {
                tokens += detail.path("tokenCount").asLong(0);
            }
        }
        return tokens;
    }

    /** Raw image bytes of an Imagen response; filtered-out samples are skipped, none at all is CONTENT_POLICY. */
    static List<byte[]> imagenImages(JsonNode body) {
        List<byte[]> images = new ArrayList<>();
        String reason = null;
        for (JsonNode prediction : body.path("predictions")) {
            if (prediction.hasNonNull("bytesBase64Encoded")) {
                images.add(decode(prediction.path("bytesBase64Encoded").asText()));
            } else if (prediction.hasNonNull("raiFilteredReason")) {
                reason = prediction.path("raiFilteredReason").asText();
            }
        }
        if (images.isEmpty()) {
            throw refused(reason == null ? "Imagen returned no image" : "Imagen filtered the result: " + reason);
        }
        return images;
    }

    /** Raw image bytes of a Gemini response; a blocked prompt or safety finish with no image is CONTENT_POLICY. */
    static List<byte[]> geminiImages(JsonNode body) {
        List<byte[]> images = new ArrayList<>();
        String finish = null;
        for (JsonNode candidate : body.path("candidates")) {
            finish = candidate.path("finishReason").asText(finish);
            for (JsonNode part : candidate.path("content").path("parts")) {
                JsonNode inline = part.has("inlineData") ? part.path("inlineData") : part.path("inline_data");
                if (inline.hasNonNull("data")) {
                    images.add(decode(inline.path("data").asText()));
                }
            }
        }
        if (!images.isEmpty()) {
            return images;
        }
        String blockReason = body.path("promptFeedback").path("blockReason").asText(null);
        if (blockReason != null) {
            throw refused("Gemini blocked the prompt: " + blockReason);
        }
        if (finish != null && BLOCKED_FINISH.contains(finish)) {
            throw refused("Gemini withheld the image: " + finish);
        }
        throw VendorFailures.transientFailure(ProviderId.GOOGLE, "Gemini returned no image (finish reason " + finish + ")");
    }

    private static ProviderException refused(String message) {
        return ProviderException.of(ProviderId.GOOGLE, ProviderErrorKind.CONTENT_POLICY, "Google: " + message, null,
                200, Duration.ZERO);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw VendorFailures.transientFailure(ProviderId.GOOGLE, "Google returned invalid base64 image data");
        }
    }
}
