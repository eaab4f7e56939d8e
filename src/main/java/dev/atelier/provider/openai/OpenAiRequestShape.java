package dev.atelier.provider.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;


import dev.atelier.provider.AspectRatios;
import dev.atelier.provider.EditImage;
import dev.atelier.provider.ImageEdit;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.Quality;
import dev.atelier.provider.catalogue.ModelLimits;
import io.vertx.core.buffer.Buffer;

/**
 * The two request shapes of {@code /v1/images/generations}: dall-e-3 (and servers that mimic it) and GPT Image
 * models, chosen by model name; the sizes and the most images per call are the model's in the catalogue. Sizes
 * snap to the nearest supported aspect ratio.
 */
record OpenAiRequestShape(boolean dallE3, List<String> sizes, int maxCount) {

    static OpenAiRequestShape of(String model, ModelLimits limits) {
        boolean dallE3 = model.startsWith("dall-e-3");
        List<String> sizes = limits.sizes() == null || limits.sizes().isEmpty()
                ? dallE3 ? List.of("1024x1024", "1792x1024", "1024x1792") : List.of("1024x1024", "1536x1024", "1024x1536")
                : limits.sizes();
        int maxCount = limits.maxCount() != null ? limits.maxCount() : dallE3 ? 1 : 10;
        return new OpenAiRequestShape(dallE3, sizes, maxCount);
    }

    /** The vendor's price key for the request: {@code <quality>.<size>} (the catalogue's per-image keys). */
    String priceKey(ImageRequest request) {
        return quality(request.quality()) + "." + size(request.width(), request.height());
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

    /**
     * An edit as {@code /images/edits} takes it: the generation fields as form fields, the source and the references
     * as repeated {@code image[]} parts (the source first: the mask applies to it), the mask as {@code mask}.
     */
    ClientMultipartForm editForm(String model, ImageRequest request, OpenAiConfig config) {
        ClientMultipartForm form = ClientMultipartForm.create();
        body(model, request, config).forEach((name, value) -> form.attribute(name, String.valueOf(value), null));
        ImageEdit edit = request.edit();
        List<EditImage> images = new ArrayList<>();
        images.add(edit.source());
        images.addAll(edit.references());
        for (int i = 0; i < images.size(); i++) {
            EditImage image = images.get(i);
            form.binaryFileUpload("image[]", image.fileName("image-" + i), Buffer.buffer(image.bytes()),
                    image.mimeType());
        }
        if (edit.masked()) {
            form.binaryFileUpload("mask", "mask.png", Buffer.buffer(edit.mask().bytes()), "image/png");
        }
        return form;
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
