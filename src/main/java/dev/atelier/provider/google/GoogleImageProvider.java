package dev.atelier.provider.google;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atelier.provider.GeneratedImage;
import dev.atelier.provider.GenerationResult;
import dev.atelier.provider.ImageBytes;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProbeResult;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderCapabilities;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;
import dev.atelier.provider.TokenUsage;
import dev.atelier.provider.RetryAfterBackoff;
import dev.atelier.provider.VendorFailures;
import dev.atelier.provider.VendorHttpError;
import dev.atelier.provider.catalogue.CatalogueModel;
import dev.atelier.provider.catalogue.ModelCatalogue;
import dev.atelier.provider.catalogue.ModelLimits;
import dev.atelier.provider.VendorResponses;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.mutiny.Uni;

/** Google Vertex AI image generation: Imagen or Gemini image models by model name. Breaker {@code google}. */
@ApplicationScoped
public class GoogleImageProvider implements ImageProvider {

    private final VertexClient client;
    private final GoogleConfig config;
    private final GoogleAccessTokens tokens;
    private final ObjectMapper json;
    private final ModelCatalogue catalogue;

    GoogleImageProvider(@RestClient VertexClient client, GoogleConfig config, GoogleAccessTokens tokens, ObjectMapper json,
            ModelCatalogue catalogue) {
        this.client = client;
        this.config = config;
        this.tokens = tokens;
        this.json = json;
        this.catalogue = catalogue;
        catalogue.warnIfUnknown(ProviderId.GOOGLE, config.model());
    }

    /** The model a request goes to: the router's choice, else the configured one. */
    private String model(ImageRequest request) {
        return request.model() != null ? request.model() : config.model();
    }

    @Override
    public ProviderId id() {
        return ProviderId.GOOGLE;
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public boolean configured() {
        boolean project = config.projectId().filter(p -> !p.isBlank()).isPresent();
        boolean credentials = config.accessToken().filter(t -> !t.isBlank()).isPresent()
                || config.credentialsFile().filter(f -> !f.isBlank()).isPresent();
        return project && credentials;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities(config.model());
    }

    /** The model's limits; several Gemini images are several calls, at most {@link #MAX_CALLS} at once. */
    @Override
    public ProviderCapabilities capabilities(String model) {
        ModelLimits limits = catalogue.model(id(), model).capabilities();
        boolean gemini = VertexPayloads.isGemini(model);
        return new ProviderCapabilities(Set.of(), limits.maxPixels() == null ? 4_194_304L : limits.maxPixels(),
                gemini ? MAX_CALLS : limits.maxCount() == null ? 4 : limits.maxCount(),
                Boolean.TRUE.equals(limits.negativePrompt()), Boolean.TRUE.equals(limits.seed()), Set.of(),
                limits.editSupport());
    }

    static final int MAX_CALLS = 4;

    /** The operator's price per image where configured ({@code prices.<model>}), else the catalogue's formula. */
    @Override
    public Quote quote(ImageRequest request) {
        String model = model(request);
        BigDecimal unit = config.prices().get(model);
        if (unit == null) {
            CatalogueModel known = catalogue.model(id(), model);
            String key = VertexPayloads.isGemini(model)
                    ? VertexPayloads.imageSize(request, known.capabilities().imageSizes()) : "default";
            unit = known.pricing().estimate(key, 1);
        }
        if (unit == null) {
            unit = config.prices().getOrDefault("default", BigDecimal.ZERO);
        }
        return new Quote(id(), model, unit.multiply(BigDecimal.valueOf(request.count())));
    }

    @Override
    @Timeout(120_000)
    @Retry(maxRetries = 2, delay = 1_000, jitter = 0, retryOn = ProviderException.Transient.class,
            abortOn = ProviderException.Refusal.class)
    @CustomBackoff(RetryAfterBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = ProviderException.Refusal.class)
    @CircuitBreakerName("google")
    public Uni<GenerationResult> generate(ImageRequest request, ProgressListener progress) {
        if (!configured()) {
            return VendorResponses.notConfigured(id(), "GOOGLE_PROJECT_ID and credentials");
        }
        String model = model(request);
        String project = config.projectId().orElseThrow();
        progress.progress(0.05, "submitted to Google");
        if (!VertexPayloads.isGemini(model)) {
            return tokens.token()
                    .flatMap(token -> client.predict(project, config.location(), model, "Bearer " + token,
                            VertexPayloads.imagen(request)))
                    .onFailure().transform(this::classified)
                    .map(body -> imagen(body, request, model));
        }
        ModelLimits limits = catalogue.model(id(), model).capabilities();
        Map<String, Object> body = VertexPayloads.gemini(request, limits.aspectRatios(),
                VertexPayloads.imageSize(request, limits.imageSizes()));
        List<Uni<Object>> calls = new ArrayList<>();
        for (int i = 0; i < Math.min(Math.max(1, request.count()), MAX_CALLS); i++) {
            calls.add(tokens.token()
                    .flatMap(token -> client.generateContent(project, config.location(), model, "Bearer " + token, body))
                    .onFailure().transform(this::classified)
                    .map(answer -> (Object) gemini(answer, request, model))
                    .onFailure().recoverWithItem(failure -> failure));
        }
        return Uni.join().all(calls).andFailFast().map(outcomes -> combine(id(), model, outcomes));
    }

    /**
     * The calls of one request together, each a {@link GenerationResult} or the failure it ended with: the images
     * made (and paid for) are kept even when another call failed; only when none made one does the request fail,
     * with the first call's failure.
     */
    static GenerationResult combine(ProviderId id, String model, List<Object> outcomes) {
        List<GenerationResult> results = outcomes.stream().filter(GenerationResult.class::isInstance)
                .map(GenerationResult.class::cast).toList();
        if (results.isEmpty()) {
            Throwable first = (Throwable) outcomes.get(0);
            throw first instanceof RuntimeException runtime ? runtime : new IllegalStateException(first);
        }
        return new GenerationResult(id, model, results.stream().flatMap(r -> r.images().stream()).toList(),
                results.stream().map(GenerationResult::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
                results.stream().map(GenerationResult::usage).reduce(null, (a, b) -> a == null ? b : a.plus(b)));
    }

    private Throwable classified(Throwable e) {
        return VendorFailures.classify(id(), e, answer -> VertexErrors.classify(answer, answer.json(json),
                config.maxRetryWait()));
    }

    private static void checkJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw VendorFailures.transientFailure(ProviderId.GOOGLE, "Google returned a body that is not JSON");
        }
    }

    private GenerationResult imagen(JsonNode body, ImageRequest request, String model) {
        checkJson(body);
        List<GeneratedImage> images = images(VertexPayloads.imagenImages(body), request.seed());
        BigDecimal unit = quote(request.withModel(model).withCount(1)).usd();
        return new GenerationResult(id(), model, images, unit.multiply(BigDecimal.valueOf(images.size())));
    }

    /** One Gemini answer, billed from its {@code usageMetadata} when it has one, else at the catalogue's estimate. */
    private GenerationResult gemini(JsonNode body, ImageRequest request, String model) {
        checkJson(body);
        List<GeneratedImage> images = images(VertexPayloads.geminiImages(body), null);
        TokenUsage usage = VertexPayloads.usage(body);
        BigDecimal billed = catalogue.model(id(), model).pricing().actual(usage);
        BigDecimal cost = billed != null && config.prices().get(model) == null ? billed
                : quote(request.withModel(model).withCount(images.size())).usd();
        return new GenerationResult(id(), model, images, cost, usage);
    }

    private List<GeneratedImage> images(List<byte[]> raw, Long seed) {
        return raw.stream().map(bytes -> {
            ImageBytes.Checked checked = ImageBytes.check(id(), bytes);
            return new GeneratedImage(bytes, checked.mimeType(), checked.width(), checked.height(), seed, null);
        }).toList();
    }

    @Override
    @Timeout(15_000)
    public Uni<ProbeResult> probe() {
        long started = System.nanoTime();
        if (!configured()) {
            return Uni.createFrom().item(ProbeResult.down("not configured", 0));
        }
        return tokens.token()
                .flatMap(token -> client.model(config.projectId().orElseThrow(), config.location(), model(),
                        "Bearer " + token))
                .map(found -> ProbeResult.up("model " + model() + " available", (System.nanoTime() - started) / 1_000_000))
                .onFailure(VendorHttpError.class).recoverWithItem(e -> {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    int status = ((VendorHttpError) e).status();
                    return switch (status) {
                        case 401, 403 -> ProbeResult.down("credentials refused (" + status + ")", ms);
                        case 404 -> ProbeResult.down("model " + model() + " not found (retired?)", ms);
                        default -> ProbeResult.degraded("model lookup answered " + status, ms);
                    };
                })
                .onFailure().recoverWithItem(e -> ProbeResult.down(
                        e instanceof ProviderException p ? p.getMessage() : "unreachable",
                        (System.nanoTime() - started) / 1_000_000));
    }
}
