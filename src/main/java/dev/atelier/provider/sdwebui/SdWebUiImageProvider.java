package dev.atelier.provider.sdwebui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atelier.provider.EditMasks;
import dev.atelier.provider.EditSupport;
import dev.atelier.provider.GeneratedImage;
import dev.atelier.provider.GenerationResult;
import dev.atelier.provider.HttpErrors;
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
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * A self-hosted Stable Diffusion web UI. While txt2img runs, {@code /sdapi/v1/progress} is polled and reported as
 * real step progress (never decreasing); cancelling the generation calls {@code /sdapi/v1/interrupt}.
 * Breaker {@code sdwebui}.
 */
@ApplicationScoped
public class SdWebUiImageProvider implements ImageProvider {

    private static final Logger LOG = Logger.getLogger(SdWebUiImageProvider.class);

    private final SdWebUiClient client;
    private final SdWebUiConfig config;
    private final ObjectMapper json;

    SdWebUiImageProvider(@RestClient SdWebUiClient client, SdWebUiConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.json = json;
    }

    @Override
    public ProviderId id() {
        return ProviderId.SDWEBUI;
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public boolean configured() {
        return config.baseUrl().filter(u -> !u.isBlank()).isPresent();
    }

    /** img2img: inpainting with a mask and a denoising strength; no reference images. */
    static final EditSupport EDITS = new EditSupport(true, true, true, 0, true);

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(Set.of(), config.maxPixels(), 8, true, true, Set.of(), EDITS);
    }

    /** Per image, plus the expected GPU time at the GPU-second rate (both 0 by default: your own GPU). */
    @Override
    public Quote quote(ImageRequest request) {
        BigDecimal gpu = config.pricePerGpuSecond().multiply(BigDecimal.valueOf(config.expectedSecondsPerImage()));
        return new Quote(id(), model(), config.pricePerImage().add(gpu).multiply(BigDecimal.valueOf(request.count())));
    }

    /** The bill: per image, plus the measured generation time at the GPU-second rate. */
    private BigDecimal cost(int images, long elapsedNanos) {
        BigDecimal seconds = BigDecimal.valueOf(elapsedNanos).divide(BigDecimal.valueOf(1_000_000_000L), 3,
                RoundingMode.HALF_UP);
        return config.pricePerImage().multiply(BigDecimal.valueOf(images))
                .add(config.pricePerGpuSecond().multiply(seconds)).setScale(6, RoundingMode.HALF_UP);
    }

    @Override
    @Timeout(300_000)
    @Retry(maxRetries = 1, delay = 1_000, jitter = 0, retryOn = ProviderException.Transient.class,
            abortOn = ProviderException.Refusal.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = ProviderException.Refusal.class)
    @CircuitBreakerName("sdwebui")
    public Uni<GenerationResult> generate(ImageRequest request, ProgressListener progress) {
        if (!configured()) {
            return VendorResponses.notConfigured(id(), "SDWEBUI_BASE_URL");
        }
        MonotonicProgress monotonic = new MonotonicProgress(progress);
        monotonic.report(0.02, "queued at the SD web UI");
        AtomicBoolean finished = new AtomicBoolean();
        // one poll at a time, each after the previous answer plus the interval, until the image is done
        Cancellable poller = Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().voidItem().onItem().delayIt().by(config.progressInterval())
                        .chain(() -> client.progress(true))
                        .map(this::fraction)
                        .onFailure().recoverWithNull())
                .whilst(ignored -> !finished.get())
                .subscribe().with(fraction -> {
                    if (fraction != null && !finished.get()) {
                        monotonic.report(0.05 + 0.9 * fraction, "rendering");
                    }
                }, failure -> LOG.debug("progress polling stopped", failure));
        long started = System.nanoTime();
        return (request.isEdit() ? client.img2img(editBody(request)) : client.txt2img(body(request)))
                .onFailure().transform(e -> VendorFailures.classify(id(), e, this::refused))
                .map(answer -> read(answer, request, System.nanoTime() - started))
                .onTermination().invoke(() -> {
                    finished.set(true);
                    poller.cancel();
                })
                .onCancellation().call(this::interrupt);
    }

    /** Stops the image the server is rendering for us: POST /sdapi/v1/interrupt. */
    @Override
    public Uni<Void> cancel() {
        return interrupt();
    }

    /** Asks the server to stop the image it is rendering (used when a job is cancelled). */
    public Uni<Void> interrupt() {
        return client.interrupt().replaceWithVoid().onFailure().recoverWithNull().replaceWithVoid();
    }

    private Map<String, Object> body(ImageRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", request.prompt());
        body.put("negative_prompt", request.negativePrompt() == null ? "" : request.negativePrompt());
        body.put("width", request.width());
        body.put("height", request.height());
        body.put("steps", config.steps());
        body.put("cfg_scale", config.cfgScale());
        body.put("seed", request.seed() == null ? -1 : request.seed());
        body.put("sampler_name", config.sampler());
        body.put("batch_size", Math.max(1, request.count()));
        return body;
    }

    /** The default denoising strength of an image-to-image edit the caller gave none (the web UI's own default). */
    static final double DEFAULT_STRENGTH = 0.75;

    /**
     * {@code /sdapi/v1/img2img}: the txt2img fields, the source as {@code init_images} (base64), the mask as a
     * greyscale image (white = repaint: an RGBA mask would be read by its alpha the other way round) that repaints
     * only the masked area at full resolution, and {@code denoising_strength}.
     */
    private Map<String, Object> editBody(ImageRequest request) {
        Map<String, Object> body = body(request);
        ImageEdit edit = request.edit();
        Base64.Encoder base64 = Base64.getEncoder();
        body.put("init_images", List.of(base64.encodeToString(edit.source().bytes())));
        body.put("denoising_strength", edit.strength() == null ? DEFAULT_STRENGTH : edit.strength());
        body.put("resize_mode", 0);
        if (edit.masked()) {
            body.put("mask", base64.encodeToString(EditMasks.whiteRepaints(edit.mask().bytes())));
            body.put("inpainting_fill", 1);
            body.put("inpaint_full_res", true);
            body.put("inpainting_mask_invert", 0);
            body.put("mask_blur", 4);
        }
        return body;
    }

    private Double fraction(String progressJson) {
        JsonNode node = parse(progressJson);
        if (node == null) {
            return null;
        }
        JsonNode state = node.path("state");
        if (state.path("sampling_steps").asInt(0) > 0) {
            return Math.min(1.0, state.path("sampling_step").asDouble() / state.path("sampling_steps").asDouble());
        }
        return node.has("progress") ? Math.min(1.0, node.path("progress").asDouble()) : null;
    }

    /** The web UI's error answer ({"detail": ...} from FastAPI, or {"error": ...}) in the taxonomy. */
    private ProviderException refused(VendorHttpError error) {
        JsonNode body = error.json(json);
        int status = error.status();
        String detail = body == null ? null : body.path("detail").isTextual() ? body.path("detail").asText()
                : body.path("error").asText(null);
        ProviderErrorKind kind = status >= 500 || status == 408 ? ProviderErrorKind.RETRYABLE
                : status == 401 || status == 403 ? ProviderErrorKind.AUTH : ProviderErrorKind.BAD_REQUEST;
        return ProviderException.of(id(), kind, "SD web UI: " + HttpErrors.safe(detail), null, status, Duration.ZERO);
    }

    private GenerationResult read(Txt2ImgAnswer answer, ImageRequest request, long elapsedNanos) {
        if (answer == null || answer.images() == null || answer.images().isEmpty()) {
            throw VendorFailures.transientFailure(id(), "The SD web UI returned no images");
        }
        List<Long> seeds = seeds(answer.info() == null ? "" : answer.info());
        List<GeneratedImage> images = new ArrayList<>();
        int index = 0;
        for (String encoded : answer.images()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(encoded == null ? "" : encoded);
            } catch (IllegalArgumentException e) {
                throw VendorFailures.transientFailure(id(), "The SD web UI returned invalid base64 image data");
            }
            ImageBytes.Checked checked = ImageBytes.check(id(), bytes);
            Long seed = index < seeds.size() ? seeds.get(index) : request.seed();
            images.add(new GeneratedImage(bytes, checked.mimeType(), checked.width(), checked.height(), seed, null));
            index++;
        }
        return new GenerationResult(id(), model(), List.copyOf(images), cost(images.size(), elapsedNanos));
    }

    /** {@code info} is a JSON document inside a string: {"seed": 1, "all_seeds": [1, 2], ...}. */
    private List<Long> seeds(String info) {
        JsonNode node = parse(info);
        List<Long> seeds = new ArrayList<>();
        if (node == null) {
            return seeds;
        }
        if (node.path("all_seeds").isArray()) {
            node.path("all_seeds").forEach(s -> seeds.add(s.asLong()));
        } else if (node.has("seed")) {
            seeds.add(node.path("seed").asLong());
        }
        return seeds;
    }

    private JsonNode parse(String text) {
        return VendorResponses.json(json, text);
    }

    @Override
    @Timeout(10_000)
    public Uni<ProbeResult> probe() {
        long started = System.nanoTime();
        if (!configured()) {
            return Uni.createFrom().item(ProbeResult.down("not configured", 0));
        }
        return client.options()
                .map(options -> ProbeResult.up("GET /sdapi/v1/options 200", (System.nanoTime() - started) / 1_000_000))
                .onFailure(VendorHttpError.class).recoverWithItem(e -> ProbeResult.down("GET /sdapi/v1/options "
                        + ((VendorHttpError) e).status(), (System.nanoTime() - started) / 1_000_000))
                .onFailure().recoverWithItem(e -> ProbeResult.down("unreachable", (System.nanoTime() - started) / 1_000_000));
    }

    /** Passes progress on only when it moves forward. */
    static final class MonotonicProgress {
        private final ProgressListener target;
        private double last = -1;

        MonotonicProgress(ProgressListener target) {
            this.target = target;
        }

        synchronized void report(double fraction, String stage) {
            double clamped = Math.max(0, Math.min(1, fraction));
            if (clamped > last) {
                last = clamped;
                target.progress(clamped, stage);
            }
        }
    }
}
