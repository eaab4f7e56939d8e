package dev.atelier.provider.openai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atelier.provider.GeneratedImage;
import dev.atelier.provider.GenerationResult;
import dev.atelier.provider.ImageBytes;
import dev.atelier.provider.ImageDownloader;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProbeResult;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderCapabilities;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;
import dev.atelier.provider.RetryAfterBackoff;
import dev.atelier.provider.VendorFailures;
import dev.atelier.provider.VendorHttpError;
import dev.atelier.provider.VendorResponses;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.mutiny.Uni;

/**
 * OpenAI Images. Both request shapes by model name; base64 results decoded, URL results downloaded at once;
 * cost from {@code usage} tokens when the response has it, else the price table. Fault tolerance: retry
 * (transient errors only, exponential backoff with jitter or the vendor's Retry-After), circuit breaker
 * {@code openai} (refusals don't count), and a generation time limit.
 */
@ApplicationScoped
public class OpenAiImageProvider implements ImageProvider {

    private final OpenAiImagesClient client;
    private final OpenAiConfig config;
    private final ImageDownloader downloader;
    private final ObjectMapper json;
    private final OpenAiRequestShape shape;

    OpenAiImageProvider(@RestClient OpenAiImagesClient client, OpenAiConfig config, ImageDownloader downloader,
            ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.downloader = downloader;
        this.json = json;
        this.shape = OpenAiRequestShape.forModel(config.model());
    }

    @Override
    public ProviderId id() {
        return ProviderId.OPENAI;
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
        return new ProviderCapabilities(Set.copyOf(shape.sizes()), 0, shape.maxCount(), false, false,
                shape.dallE3() ? Set.of("vivid", "natural") : Set.of());
    }

    @Override
    public Quote quote(ImageRequest request) {
        return new Quote(id(), model(), unitPrice(request).multiply(BigDecimal.valueOf(request.count())));
    }

    private BigDecimal unitPrice(ImageRequest request) {
        String key = model() + "." + shape.quality(request.quality()) + "." + shape.size(request.width(), request.height());
        BigDecimal price = config.prices().get(key);
        if (price == null) {
            price = config.prices().getOrDefault(model() + "." + shape.quality(request.quality()) + ".1024x1024",
                    config.prices().getOrDefault("default", BigDecimal.ZERO));
        }
        return price;
    }

    @Override
    @Timeout(120_000)
    @Retry(maxRetries = 2, delay = 500, jitter = 0, retryOn = ProviderException.Transient.class,
            abortOn = ProviderException.Refusal.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = ProviderException.Refusal.class)
    @CircuitBreakerName("openai")
    public Uni<GenerationResult> generate(ImageRequest request, ProgressListener progress) {
        if (!configured()) {
            return VendorResponses.notConfigured(id(), "OPENAI_API_KEY");
        }
        progress.progress(0.05, "submitted to OpenAI");
        return client.generate(bearer(), shape.body(model(), request, config))
                .onFailure().transform(e -> VendorFailures.classify(id(), e,
                        answer -> OpenAiErrors.classify(answer, answer.json(json), config.maxRetryWait())))
                .flatMap(answer -> read(answer, request));
    }

    private Uni<GenerationResult> read(OpenAiImages answer, ImageRequest request) {
        if (answer == null || answer.data() == null || answer.data().isEmpty()) {
            throw VendorFailures.transientFailure(id(), "OpenAI returned a response without images");
        }
        List<Uni<GeneratedImage>> images = new ArrayList<>();
        for (OpenAiImages.Item item : answer.data()) {
            if (item.b64Json() != null) {
                images.add(Uni.createFrom().item(() -> image(decode(item.b64Json()), item.revisedPrompt())));
            } else if (item.url() != null) {
                images.add(downloader.download(id(), item.url(), config.baseUrl())
                        .map(bytes -> image(bytes, item.revisedPrompt())));
            } else {
                throw VendorFailures.transientFailure(id(), "OpenAI returned an item with neither b64_json nor url");
            }
        }
        BigDecimal cost = cost(answer.usage(), request, images.size());
        return Uni.join().all(images).andFailFast()
                .map(list -> new GenerationResult(id(), model(), List.copyOf(list), cost));
    }

    private BigDecimal cost(OpenAiImages.Usage usage, ImageRequest request, int count) {
        if (usage != null && usage.outputTokens() != null) {
            BigDecimal in = BigDecimal.valueOf(usage.inputTokens() == null ? 0 : usage.inputTokens())
                    .multiply(config.inputTokenPricePerMillion());
            BigDecimal out = BigDecimal.valueOf(usage.outputTokens()).multiply(config.outputTokenPricePerMillion());
            return in.add(out).divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
        }
        return unitPrice(request).multiply(BigDecimal.valueOf(count));
    }

    private GeneratedImage image(byte[] bytes, String revisedPrompt) {
        ImageBytes.Checked checked = ImageBytes.check(id(), bytes);
        return new GeneratedImage(bytes, checked.mimeType(), checked.width(), checked.height(), null, revisedPrompt);
    }

    private byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw VendorFailures.transientFailure(id(), "OpenAI returned invalid base64 image data");
        }
    }

    @Override
    @Timeout(10_000)
    public Uni<ProbeResult> probe() {
        long started = System.nanoTime();
        if (!configured()) {
            return Uni.createFrom().item(ProbeResult.down("not configured", 0));
        }
        return client.models(bearer())
                .map(models -> ProbeResult.up("GET /models 200", (System.nanoTime() - started) / 1_000_000))
                .onFailure(VendorHttpError.class).recoverWithItem(e -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    int status = ((VendorHttpError) e).status();
                    if (status == 401 || status == 403) {
                        return ProbeResult.down("GET /models " + status + ": credentials refused", ms);
                    }
                    return status >= 500 ? ProbeResult.down("GET /models " + status, ms)
                            : ProbeResult.degraded("GET /models " + status, ms);
                })
                .onFailure().recoverWithItem(e -> ProbeResult.down("unreachable", (System.nanoTime() - started) / 1_000_000));
    }

    private String bearer() {
        return "Bearer " + config.apiKey().orElse("");
    }
}
