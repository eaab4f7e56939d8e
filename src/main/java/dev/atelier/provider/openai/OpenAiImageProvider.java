package dev.atelier.provider.openai;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import dev.atelier.provider.catalogue.ModelCatalogue;
import dev.atelier.provider.catalogue.PriceFormula;
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
    private final ModelCatalogue catalogue;

    OpenAiImageProvider(@RestClient OpenAiImagesClient client, OpenAiConfig config, ImageDownloader downloader,
            ObjectMapper json, ModelCatalogue catalogue) {
        this.client = client;
        this.config = config;
        this.downloader = downloader;
        this.json = json;
        this.catalogue = catalogue;
        catalogue.warnIfUnknown(ProviderId.OPENAI, config.model());
    }

    /** The model a request goes to: the router's choice, else the configured one. */
    private String model(ImageRequest request) {
        return request.model() != null ? request.model() : config.model();
    }

    private OpenAiRequestShape shape(String model) {
        return OpenAiRequestShape.of(model, catalogue.model(id(), model).capabilities());
    }

    private PriceFormula pricing(String model) {
        return catalogue.model(id(), model).pricing().withTokenPrices(config.inputTokenPricePerMillion().orElse(null),
                config.outputTokenPricePerMillion().orElse(null));
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
        return capabilities(config.model());
    }

    @Override
    public ProviderCapabilities capabilities(String model) {
        OpenAiRequestShape shape = shape(model);
        return new ProviderCapabilities(Set.copyOf(shape.sizes()), 0, shape.maxCount(), false, false,
                shape.dallE3() ? Set.of("vivid", "natural") : Set.of(),
                catalogue.model(id(), model).capabilities().editSupport());
    }

    /** The operator's price where configured, else the catalogue's formula (its table, else tokens per size). */
    @Override
    public Quote quote(ImageRequest request) {
        String model = model(request);
        String key = shape(model).priceKey(request);
        BigDecimal unit = config.prices().get(model + "." + key);
        if (unit == null) {
            unit = pricing(model).estimate(key, 1);
        }
        if (unit == null) {
            unit = config.prices().getOrDefault("default", BigDecimal.ZERO);
        }
        return new Quote(id(), model, unit.multiply(BigDecimal.valueOf(request.count())));
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
        String model = model(request);
        OpenAiRequestShape shape = shape(model);
        Uni<OpenAiImages> call = request.isEdit() ? client.edit(bearer(), shape.editForm(model, request, config))
                : client.generate(bearer(), shape.body(model, request, config));
        return call
                .onFailure().transform(e -> VendorFailures.classify(id(), e,
                        answer -> OpenAiErrors.classify(answer, answer.json(json), config.maxRetryWait())))
                .flatMap(answer -> read(answer, request, model));
    }

    private Uni<GenerationResult> read(OpenAiImages answer, ImageRequest request, String model) {
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
        BigDecimal cost = cost(answer.usage(), request.withModel(model).withCount(images.size()));
        return Uni.join().all(images).andFailFast()
                .map(list -> new GenerationResult(id(), model, List.copyOf(list), cost,
                        answer.usage() == null ? null : answer.usage().tokens()));
    }

    /** The bill: from the answer's token usage when it has one (GPT Image), else the price of what was made. */
    private BigDecimal cost(OpenAiImages.Usage usage, ImageRequest made) {
        BigDecimal billed = usage == null || usage.outputTokens() == null ? null
                : pricing(made.model()).actual(usage.tokens());
        return billed != null ? billed : quote(made).usd();
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
                .map(models -> ProbeResult.up("GET /models 200", (System.nanoTime() - started) / 1_000_000)
                        .withShutdowns(shutdowns(models)))
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

    /**
     * The shutdown dates the model list announces ({@code shutdown_date}: {@code YYYY-MM-DD}, null or absent when none
     * is announced; OpenAI API reference, "List models", read 2026-12-01). A date that does not parse is ignored.
     */
    static Map<String, LocalDate> shutdowns(OpenAiModels models) {
        Map<String, LocalDate> dates = new HashMap<>();
        if (models == null || models.data() == null) {
            return dates;
        }
        for (OpenAiModels.Model model : models.data()) {
            if (model.id() != null && model.shutdownDate() != null && !model.shutdownDate().isBlank()) {
                try {
                    dates.put(model.id(), LocalDate.parse(model.shutdownDate().trim().substring(0,
                            Math.min(10, model.shutdownDate().trim().length()))));
                } catch (DateTimeParseException e) {
                    // not a date: nothing announced that Atelier can act on
                }
            }
        }
        return dates;
    }

    private String bearer() {
        return "Bearer " + config.apiKey().orElse("");
    }
}
