package dev.atelier.provider.google;

import java.math.BigDecimal;
import java.util.List;
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
import dev.atelier.provider.RetryAfterBackoff;
import dev.atelier.provider.VendorFailures;
import dev.atelier.provider.VendorHttpError;
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

    GoogleImageProvider(@RestClient VertexClient client, GoogleConfig config, GoogleAccessTokens tokens, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.tokens = tokens;
        this.json = json;
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
        boolean gemini = VertexPayloads.isGemini(model());
        return new ProviderCapabilities(Set.of(), 4_194_304L, gemini ? 1 : 4, !gemini, !gemini, Set.of());
    }

    @Override
    public Quote quote(ImageRequest request) {
        BigDecimal unit = config.prices().getOrDefault(model(), config.prices().getOrDefault("default", BigDecimal.ZERO));
        return new Quote(id(), model(), unit.multiply(BigDecimal.valueOf(request.count())));
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
        boolean gemini = VertexPayloads.isGemini(model());
        String project = config.projectId().orElseThrow();
        progress.progress(0.05, "submitted to Google");
        return tokens.token()
                .flatMap(token -> gemini
                        ? client.generateContent(project, config.location(), model(), "Bearer " + token,
                                VertexPayloads.gemini(request))
                        : client.predict(project, config.location(), model(), "Bearer " + token,
                                VertexPayloads.imagen(request)))
                .onFailure().transform(e -> VendorFailures.classify(id(), e,
                        answer -> VertexErrors.classify(answer, answer.json(json), config.maxRetryWait())))
                .map(body -> read(body, request, gemini));
    }

    private GenerationResult read(JsonNode body, ImageRequest request, boolean gemini) {
        if (body == null || !body.isObject()) {
            throw VendorFailures.transientFailure(id(), "Google returned a body that is not JSON");
        }
        List<byte[]> raw = gemini ? VertexPayloads.geminiImages(body) : VertexPayloads.imagenImages(body);
        List<GeneratedImage> images = raw.stream().map(bytes -> {
            ImageBytes.Checked checked = ImageBytes.check(id(), bytes);
            return new GeneratedImage(bytes, checked.mimeType(), checked.width(), checked.height(), request.seed(), null);
        }).toList();
        BigDecimal unit = quote(request.withCount(1)).usd();
        return new GenerationResult(id(), model(), images, unit.multiply(BigDecimal.valueOf(images.size())));
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
