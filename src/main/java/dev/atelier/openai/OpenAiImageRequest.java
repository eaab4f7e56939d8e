package dev.atelier.openai;

import java.util.Locale;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.StorableText;
import dev.atelier.prompt.engine.PromptText;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.routing.GenerationRequests;
import dev.atelier.routing.RoutingRequest;
import io.vertx.core.json.JsonObject;

/**
 * The body of OpenAI's {@code POST /v1/images/generations}, read the way OpenAI reads it and turned into a routing
 * request. {@code model} is {@code auto} (the router chooses), a provider name ({@code openai}, {@code google},
 * {@code stability}, {@code sdwebui}, {@code local}) or one of that provider's model names (dall-e-3, gpt-image-1,
 * imagen-4.0-…, gemini-…, sd3…, stable-image-…, local-preview…), which pins the provider; the provider's configured
 * model serves it. The prompt is used as given, as OpenAI would.
 */
record OpenAiImageRequest(RoutingRequest routing, String model, boolean base64, JsonObject recorded) {

    static OpenAiImageRequest parse(ImageGenerationBody body) {
        if (body == null) {
            throw AtelierException.badInput("The request body is empty; send a JSON object with a prompt");
        }
        String prompt = PromptText.clean(storable(body.prompt(), "prompt"));
        if (prompt.isEmpty()) {
            throw AtelierException.badInput("prompt is required");
        }
        if (prompt.length() > GenerationRequests.MAX_PROMPT) {
            throw AtelierException.badInput("prompt is longer than " + GenerationRequests.MAX_PROMPT + " characters");
        }
        String model = storable(body.model(), "model");
        model = model == null || model.isBlank() ? "auto" : model.trim();
        ProviderId provider = provider(model);
        int n = body.n() == null ? 1 : body.n();
        if (n < 1 || n > GenerationRequests.MAX_COUNT) {
            throw AtelierException.badInput("n must be between 1 and " + GenerationRequests.MAX_COUNT);
        }
        String size = storable(body.size(), "size");
        int[] dimensions = GenerationRequests.size(size == null || "auto".equalsIgnoreCase(size) ? null : size);
        Quality quality = quality(storable(body.quality(), "quality"));
        String format = storable(body.responseFormat(), "response_format");
        boolean base64;
        if (format == null) {
            base64 = model.toLowerCase(Locale.ROOT).startsWith("gpt-image");
        } else if ("b64_json".equals(format) || "url".equals(format)) {
            base64 = "b64_json".equals(format);
        } else {
            throw AtelierException.badInput("response_format must be url or b64_json");
        }
        String style = storable(body.style(), "style");
        ImageRequest image = new ImageRequest(prompt, null, dimensions[0], dimensions[1], n, quality, null, style, null);
        RoutingRequest routing = new RoutingRequest(image, provider, false, null, null, null);
        JsonObject recorded = new JsonObject().put("prompt", prompt).put("enhance", false).put("width", dimensions[0])
                .put("height", dimensions[1]).put("count", n).put("quality", quality.name()).put("allowFallback", false)
                .put("model", model).put("api", "openai-images");
        if (provider != null) {
            recorded.put("provider", provider.name());
        }
        return new OpenAiImageRequest(routing, model, base64, recorded);
    }

    /** Null for {@code auto}. */
    static ProviderId provider(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.equals("auto")) {
            return null;
        }
        for (ProviderId id : ProviderId.values()) {
            if (m.equals(id.name().toLowerCase(Locale.ROOT))) {
                return id;
            }
        }
        if (m.startsWith("dall-e") || m.startsWith("gpt-image")) {
            return ProviderId.OPENAI;
        }
        if (m.startsWith("imagen") || m.startsWith("gemini")) {
            return ProviderId.GOOGLE;
        }
        if (m.startsWith("sd3") || m.startsWith("stable-") || m.startsWith("stability")) {
            return ProviderId.STABILITY;
        }
        if (m.startsWith("local")) {
            return ProviderId.LOCAL;
        }
        throw AtelierException.badInput("The model '" + model + "' is not served here; use auto, a provider name "
                + "(openai, google, stability, sdwebui, local) or one of their model names");
    }

    private static Quality quality(String value) {
        if (value == null) {
            return Quality.STANDARD;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "standard", "auto", "low", "medium" -> Quality.STANDARD;
            case "hd", "high" -> Quality.HD;
            default -> throw AtelierException.badInput("quality must be one of standard, hd, low, medium, high, auto");
        };
    }

    private static String storable(String value, String field) {
        String problem = StorableText.problem(value, field);
        if (problem != null) {
            throw AtelierException.badInput(problem);
        }
        return value;
    }
}
