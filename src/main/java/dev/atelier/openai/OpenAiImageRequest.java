package dev.atelier.openai;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import dev.atelier.common.error.AtelierException;
import dev.atelier.job.JobRequest;
import dev.atelier.prompt.engine.PromptText;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.routing.GenerationRequests;
import dev.atelier.routing.RoutingRequest;

/**
 * The body of OpenAI's {@code POST /v1/images/generations}, read the way OpenAI reads it and turned into a routing
 * request. {@code model} is {@code auto} (the router chooses), a provider name ({@code openai}, {@code google},
 * {@code stability}, {@code sdwebui}, {@code local}) or a model id (the catalogue's, or of the OpenAI, Google and
 * LOCAL families: gpt-image-…, gemini-…, local-preview…; see {@link #provider}), which pins the provider and is passed through to
 * it (a retired one goes to its replacement, and the answer's {@code x-atelier-model} says which served). The prompt
 * is used as given, as OpenAI would.
 */
record OpenAiImageRequest(JobRequest job, String model, boolean base64) {

    /**
     * The body as a routing request; {@code body} has passed its constraints ({@link ImageGenerationBody}), and
     * {@code known} tells which provider serves a model id (the catalogue, or a provider configured with it).
     */
    static OpenAiImageRequest parse(ImageGenerationBody body, Function<String, Optional<ProviderId>> known) {
        String prompt = PromptText.clean(body.prompt());
        String model = body.model();
        model = model == null || model.isBlank() ? "auto" : model.trim();
        ProviderId provider = provider(model, known);
        int n = body.n() == null ? 1 : body.n();
        String size = body.size();
        int[] dimensions = GenerationRequests.size(size == null || "auto".equalsIgnoreCase(size) ? null : size);
        Quality quality = quality(body.quality());
        String format = body.responseFormat();
        boolean base64 = format == null ? model.toLowerCase(Locale.ROOT).startsWith("gpt-image")
                : "b64_json".equalsIgnoreCase(format);
        String style = body.style();
        // a model id goes to its vendor as asked (a retired one to its replacement); auto or a provider name lets the
        // router or the provider's configuration choose
        String vendorModel = provider == null || model.equalsIgnoreCase(provider.name()) ? null : model;
        ImageRequest image = new ImageRequest(prompt, null, dimensions[0], dimensions[1], n, quality, null, style, null,
                vendorModel);
        RoutingRequest routing = new RoutingRequest(image, provider, false, null, null, null);
        return new OpenAiImageRequest(JobRequest.inline(JobRequest.OPENAI_IMAGES, routing, vendorModel), model, base64);
    }

    RoutingRequest routing() {
        return job.routing();
    }

    /**
     * The provider a model name pins, null for {@code auto}: a provider's name; a model id the catalogue (or a
     * provider's configuration) knows; else an id of a family whose vendor takes new ids as they come (OpenAI's
     * {@code dall-e*} / {@code gpt-image*}, Google's {@code imagen*} / {@code gemini*}, LOCAL's {@code local*}) -
     * the vendor says if it does not serve it. Stability's ids name its endpoints, so an unknown one is refused.
     */
    static ProviderId provider(String model, Function<String, Optional<ProviderId>> known) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.equals("auto")) {
            return null;
        }
        for (ProviderId id : ProviderId.values()) {
            if (m.equals(id.name().toLowerCase(Locale.ROOT))) {
                return id;
            }
        }
        Optional<ProviderId> listed = known.apply(model);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (m.startsWith("dall-e") || m.startsWith("gpt-image")) {
            return ProviderId.OPENAI;
        }
        if (m.startsWith("imagen") || m.startsWith("gemini")) {
            return ProviderId.GOOGLE;
        }
        if (m.startsWith("local")) {
            return ProviderId.LOCAL;
        }
        throw AtelierException.badInput("The model '" + model + "' is not served here; use auto, a provider name "
                + "(openai, google, stability, sdwebui, local) or one of their model names (GET /v1/models)");
    }

    private static Quality quality(String value) {
        if (value == null) {
            return Quality.STANDARD;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "hd", "high" -> Quality.HD;
            default -> Quality.STANDARD; // standard, auto, low, medium (ImageGenerationBody allows no other)
        };
    }
}
