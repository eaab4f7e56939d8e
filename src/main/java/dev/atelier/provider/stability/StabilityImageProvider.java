package dev.atelier.provider.stability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atelier.provider.AspectRatios;
import dev.atelier.provider.EditMasks;
import dev.atelier.provider.GeneratedImage;
import dev.atelier.provider.GenerationResult;
import dev.atelier.provider.ImageBytes;
import dev.atelier.provider.ImageEdit;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProbeResult;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderCapabilities;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;
import dev.atelier.provider.RetryAfterBackoff;
import dev.atelier.provider.VendorFailures;
import dev.atelier.provider.VendorHttpError;
import dev.atelier.provider.VendorResponses;
import dev.atelier.provider.catalogue.ModelCatalogue;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * Stability AI (ultra, core, sd3 with its model). One image per call; several images are several calls.
 * {@code finish-reason: CONTENT_FILTERED} (a blurred 200) is a content-policy refusal and nothing is kept.
 * Breaker {@code stability}.
 */
@ApplicationScoped
public class StabilityImageProvider implements ImageProvider {

    static final List<String> ASPECT_RATIOS = List.of("16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21");
    private static final BigDecimal USD_PER_CREDIT = new BigDecimal("0.01");

    private final StabilityClient client;
    private final StabilityConfig config;
    private final ObjectMapper json;
    private final ModelCatalogue catalogue;

    StabilityImageProvider(@RestClient StabilityClient client, StabilityConfig config, ObjectMapper json,
            ModelCatalogue catalogue) {
        this.client = client;
        this.config = config;
        this.json = json;
        this.catalogue = catalogue;
        catalogue.warnIfUnknown(ProviderId.STABILITY, config.model());
    }

    @Override
    public ProviderId id() {
        return ProviderId.STABILITY;
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public boolean configured() {
        return config.apiKey().filter(k -> !k.isBlank()).isPresent();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(Set.of(), 4_194_304L, 4, true, true, Set.of("3d-model", "analog-film", "anime",
                "cinematic", "comic-book", "digital-art", "enhance", "fantasy-art", "isometric", "line-art", "low-poly",
                "modeling-compound", "neon-punk", "origami", "photographic", "pixel-art", "tile-texture"),
                catalogue.model(id(), config.model()).capabilities().editSupport());
    }

    /**
     * The model a request goes to: the router's choice, else the configured one; for an edit, {@link #INPAINT} when
     * it is masked, else that model when it takes a source image, else the configured edit model.
     */
    private String model(ImageRequest request) {
        String model = request.model() != null ? request.model() : config.model();
        if (!request.isEdit()) {
            return model;
        }
        if (request.edit().masked()) {
            return INPAINT;
        }
        return model.equals("core") ? config.editModel() : model;
    }

    /** The inpainting service ({@code edit/inpaint}), priced in the catalogue like a model. */
    static final String INPAINT = "inpaint";

    /** The strength an image-to-image edit gets when the caller leaves it out (Stability requires one). */
    static final double DEFAULT_STRENGTH = 0.6;

    /** The operator's credits per image where configured ({@code credits.<model>}), else the catalogue's. */
    @Override
    public Quote quote(ImageRequest request) {
        String model = model(request);
        BigDecimal credits = config.credits().get(model);
        BigDecimal unit = credits != null ? credits.multiply(USD_PER_CREDIT)
                : catalogue.model(id(), model).pricing().estimate("default", 1);
        if (unit == null) {
            unit = config.credits().getOrDefault("default", BigDecimal.ZERO).multiply(USD_PER_CREDIT);
        }
        return new Quote(id(), model, unit.multiply(BigDecimal.valueOf(request.count())));
    }

    /** The endpoint path segment for a model: ultra, core, or sd3 (with the model in the {@code model} field). */
    static String endpoint(String model) {
        return model.equals("ultra") || model.equals("core") ? model : "sd3";
    }

    @Override
    @Timeout(120_000)
    @Retry(maxRetries = 2, delay = 500, jitter = 0, retryOn = ProviderException.Transient.class,
            abortOn = ProviderException.Refusal.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = ProviderException.Refusal.class)
    @CircuitBreakerName("stability")
    public Uni<GenerationResult> generate(ImageRequest request, ProgressListener progress) {
        if (!configured()) {
            return VendorResponses.notConfigured(id(), "STABILITY_API_KEY");
        }
        progress.progress(0.05, "submitted to Stability");
        List<Uni<GeneratedImage>> calls = new ArrayList<>();
        for (int i = 0; i < Math.max(1, request.count()); i++) {
            Long seed = request.seed() == null ? null : request.seed() + i;
            calls.add(one(request, seed));
        }
        String model = model(request);
        return Uni.join().all(calls).andFailFast()
                .map(images -> new GenerationResult(id(), model, List.copyOf(images),
                        quote(request.withCount(images.size())).usd()));
    }

    private Uni<GeneratedImage> one(ImageRequest request, Long seed) {
        if (request.isEdit()) {
            return edit(request, seed);
        }
        String model = model(request);
        String endpoint = endpoint(model);
        String sd3Model = endpoint.equals("sd3") ? model : null;
        String negative = request.negativePrompt() == null || request.negativePrompt().isBlank() ? null : request.negativePrompt();
        String style = request.style() != null ? request.style() : config.stylePreset().orElse(null);
        return client.generate(endpoint, "Bearer " + config.apiKey().orElse(""), "image/*",
                        request.prompt(), negative, AspectRatios.nearest(ASPECT_RATIOS, request.width(), request.height()),
                        seed == null ? null : Long.toString(seed % 4_294_967_295L), "png", sd3Model,
                        endpoint.equals("core") ? style : null)
                .onFailure().transform(e -> VendorFailures.classify(id(), e,
                        answer -> StabilityErrors.classify(answer, answer.json(json), config)))
                .map(this::read);
    }

    /**
     * Inpainting ({@code edit/inpaint}: image, mask as white = repaint, prompt) or image-to-image
     * ({@code generate/sd3} with {@code mode=image-to-image}, or {@code generate/ultra}: image and strength; no aspect
     * ratio, the output follows the source).
     */
    private Uni<GeneratedImage> edit(ImageRequest request, Long seed) {
        String model = model(request);
        ImageEdit edit = request.edit();
        ClientMultipartForm form = ClientMultipartForm.create()
                .binaryFileUpload("image", edit.source().fileName("image"), Buffer.buffer(edit.source().bytes()),
                        edit.source().mimeType())
                .attribute("prompt", request.prompt(), null)
                .attribute("output_format", "png", null);
        if (request.negativePrompt() != null && !request.negativePrompt().isBlank()) {
            form.attribute("negative_prompt", request.negativePrompt(), null);
        }
        if (seed != null) {
            form.attribute("seed", Long.toString(seed % 4_294_967_295L), null);
        }
        String group;
        String endpoint;
        if (edit.masked()) {
            group = "edit";
            endpoint = INPAINT;
            form.binaryFileUpload("mask", "mask.png", Buffer.buffer(EditMasks.whiteRepaints(edit.mask().bytes())),
                    "image/png");
        } else {
            group = "generate";
            endpoint = endpoint(model);
            form.attribute("strength", Double.toString(edit.strength() == null ? DEFAULT_STRENGTH : edit.strength()),
                    null);
            if (endpoint.equals("sd3")) {
                form.attribute("mode", "image-to-image", null).attribute("model", model, null);
            }
        }
        return client.edit(group, endpoint, "Bearer " + config.apiKey().orElse(""), "image/*", form)
                .onFailure().transform(e -> VendorFailures.classify(id(), e,
                        answer -> StabilityErrors.classify(answer, answer.json(json), config)))
                .map(this::read);
    }

    private GeneratedImage read(RestResponse<byte[]> response) {
        String finish = response.getHeaderString("finish-reason");
        if ("CONTENT_FILTERED".equalsIgnoreCase(finish)) {
            throw ProviderException.of(id(), ProviderErrorKind.CONTENT_POLICY,
                    "Stability filtered the result for content; nothing was kept", null, 200, config.maxRetryWait());
        }
        byte[] bytes = response.getEntity() == null ? new byte[0] : response.getEntity();
        ImageBytes.Checked checked = ImageBytes.check(id(), bytes);
        String seedHeader = response.getHeaderString("seed");
        Long seed = null;
        if (seedHeader != null) {
            try {
                seed = Long.parseLong(seedHeader.trim());
            } catch (NumberFormatException ignored) {
                // a missing or odd seed header is not worth failing an image for
            }
        }
        return new GeneratedImage(bytes, checked.mimeType(), checked.width(), checked.height(), seed, null);
    }

    @Override
    @Timeout(10_000)
    public Uni<ProbeResult> probe() {
        long started = System.nanoTime();
        if (!configured()) {
            return Uni.createFrom().item(ProbeResult.down("not configured", 0));
        }
        return client.balance("Bearer " + config.apiKey().orElse(""))
                .map(balance -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    double credits = balance == null || balance.credits() == null ? 0 : balance.credits();
                    String detail = String.format(Locale.ROOT, "%.1f credits left", credits);
                    return credits < config.lowCredits() ? ProbeResult.degraded(detail, ms) : ProbeResult.up(detail, ms);
                })
                .onFailure(VendorHttpError.class).recoverWithItem(e -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    int status = ((VendorHttpError) e).status();
                    return status == 401 || status == 403 ? ProbeResult.down("credentials refused (" + status + ")", ms)
                            : ProbeResult.down("balance answered " + status, ms);
                })
                .onFailure().recoverWithItem(e -> ProbeResult.down("unreachable", (System.nanoTime() - started) / 1_000_000));
    }
}
