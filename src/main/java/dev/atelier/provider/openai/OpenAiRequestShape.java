package dev.atelier.provider.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.atelier.provider.AspectRatios;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.Quality;

/**
 * The two request shapes of {@code /v1/images/generations}: dall-e-3 (and servers that mimic it) and GPT Image
 * models, chosen by model name. Sizes snap to the nearest supported aspect ratio.
 */
record OpenAiRequestShape(boolean dallE3, List<String> sizes) {

    static OpenAiRequestShape forModel(String model) {
        return model.startsWith("dall-e-3")
                ? new OpenAiRequestShape(true, List.of("1024x1024", "1792x1024", "1024x1792"))
                : new OpenAiRequestShape(false, List.of("1024x1024", "1536x1024", "1024x1536"));
    }

    int maxCount() {
        return dallE3 ? 1 : 10;
    }

    int maxPromptChars() {
        return dallE3 ? 4_000 : 32_000;
    }

    /** The vendor quality name for the unified level. */
    String quality(Quality quality) {
        if (dallE3) {
            return quality == Quality.HD ? "hd" : "standard";
        }
        return quality == Quality.HD ? "high" : "medium";
    }

    /** The supported size closest in aspect ratio to the request. */
    String size(int width, int height) {
        return AspectRatios.nearest(sizes, width, height);
    }

    Map<String, Object> body(String model, ImageRequest request, OpenAiConfig config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("prompt", request.prompt());
        body.put("n", Math.min(request.count(), maxCount()));
        body.put("size", size(request.width(), request.height()));
        body.put("quality", quality(request.quality()));
        if (dallE3) {
            body.put("style", request.style() != null ? request.style() : config.style());
            body.put("response_format", config.responseFormat());
        } else {
            body.put("output_format", "png");
        }
        return body;
    }
}
