package dev.atelier.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.atelier.common.error.ErrorCode;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.engine.TemplateEnhancer;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.VendorFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * Runs a request down its provider chain: takes a cluster-wide rate-limit permit, calls the provider (which
 * carries its own breaker, retry and time limit), records the attempt, and on failure moves straight on to the
 * next provider. A content-policy refusal ends the chain (configurable); a vendor 429 pauses that provider for
 * every replica; refused credentials mark it DOWN until its next good probe.
 */
@ApplicationScoped
public class ProviderRouter {

    private static final Logger LOG = Logger.getLogger(ProviderRouter.class);

    private final ProviderSelector selector;
    private final ProviderRegistry providers;
    private final ClusterRateLimiter limiter;
    private final PauseBoard pauses;
    private final ProviderHealth health;
    private final RoutingConfig config;
    private final MeterRegistry metrics;
    private final TemplateEnhancer templates;
    private final ModelLifecycle lifecycle;

    ProviderRouter(ProviderSelector selector, ProviderRegistry providers, ClusterRateLimiter limiter, PauseBoard pauses,
            ProviderHealth health, RoutingConfig config, MeterRegistry metrics, TemplateEnhancer templates,
            ModelLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.selector = selector;
        this.providers = providers;
        this.limiter = limiter;
        this.pauses = pauses;
        this.health = health;
        this.config = config;
        this.metrics = metrics;
        this.templates = templates;
    }

    public RoutingDecision decide(RoutingRequest request) {
        return selector.decide(request);
    }

    /**
     * What a request is expected to cost, for reserving budget: the first provider of the chain; when every eligible
     * provider is paused by rate limits (the job will wait for them), the dearest of those; null when none can serve.
     */
    public BigDecimal expectedCost(RoutingRequest request) {
        RoutingDecision decision = decide(request);
        if (!decision.chain().isEmpty()) {
            return decision.quotes().get(decision.chain().get(0)).usd();
        }
        return decision.excluded().keySet().stream().filter(id -> pauses.pausedFor(id) > 0)
                .map(id -> decision.quotes().get(id).usd()).max(BigDecimal::compareTo).orElse(null);
    }

    /**
     * Why nothing can run {@code decision}'s request, or null when its chain has a provider: RATE_LIMITED when the
     * only providers that could serve it are paused by rate limits (wait, don't fail), else PROVIDER_UNAVAILABLE
     * with every exclusion's reason.
     */
    public RoutingFailure unservable(RoutingDecision decision) {
        if (!decision.chain().isEmpty()) {
            return null;
        }
        long wait = decision.excluded().keySet().stream().mapToLong(pauses::pausedFor).filter(ms -> ms > 0)
                .min().orElse(0);
        if (wait > 0) {
            return new RoutingFailure(ErrorCode.RATE_LIMITED,
                    "Every eligible provider is at its rate limit; try again in " + wait + " ms", List.of(), wait);
        }
        return new RoutingFailure(ErrorCode.PROVIDER_UNAVAILABLE,
                "No provider can serve this request: " + String.join("; ", decision.reasons()), List.of(), 0);
    }

    /**
     * Generates down the chain of {@code decision}. {@code promptFor} gives each provider its own words (prompt and
     * negative prompt); the negative prompt goes only to providers that take one. Each attempt records what was
     * sent. Fails with {@link RoutingFailure}.
     */
    public Uni<RoutedGeneration> generate(RoutingRequest request, RoutingDecision decision,
            Function<ProviderId, ProviderPrompt> promptFor, ProgressListener progress) {
        RoutingFailure unservable = unservable(decision);
        if (unservable != null) {
            return Uni.createFrom().failure(unservable);
        }
        // renderers without a model (the LOCAL preview) draw by the idea's category: the caller's, else detected
        RoutingRequest themed = request.image().theme() != null ? request
                : request.withTheme(templates.detect(request.image().prompt()).category().name());
        Map<ProviderId, String> models = new EnumMap<>(ProviderId.class);
        decision.quotes().forEach((id, quote) -> models.put(id, quote.model()));
        Map<ProviderId, String> warnings = new EnumMap<>(ProviderId.class);
        warnings.putAll(decision.warnings());
        return attempt(new Run(themed, decision.chain(), promptFor, progress, new ArrayList<>(), models, warnings), 0,
                Long.MAX_VALUE);
    }

    /** One request's way down its chain: the models to call (a retired one's replacement swapped in) and the attempts. */
    private record Run(RoutingRequest request, List<ProviderId> chain, Function<ProviderId, ProviderPrompt> promptFor,
            ProgressListener progress, List<ProviderAttempt> attempts, Map<ProviderId, String> models,
            Map<ProviderId, String> warnings) {
    }

    private Uni<RoutedGeneration> attempt(Run run, int index, long shortestWait) {
        RoutingRequest request = run.request();
        List<ProviderId> chain = run.chain();
        List<ProviderAttempt> attempts = run.attempts();
        ProgressListener progress = run.progress();
        if (index >= chain.size()) {
            return Uni.createFrom().failure(exhausted(attempts, shortestWait));
        }
        ProviderId id = chain.get(index);
        String model = run.models().getOrDefault(id, providers.get(id).orElseThrow().model());
        String warning = run.warnings().get(id);
        ImageProvider provider = providers.get(id).orElseThrow();
        if (index > 0) {
            metrics.counter("atelier.router.failovers", "from", chain.get(index - 1).name(), "to", id.name()).increment();
        }
        return limiter.tryAcquire(id).flatMap(permit -> {
            if (!permit.allowed()) {
                attempts.add(new ProviderAttempt(id, model, ProviderAttempt.SKIPPED_RATE_LIMITED, "RATE_LIMITED", 0,
                        null, null, warning));
                metrics.counter("atelier.ratelimit.waits", "provider", id.name()).increment();
                return attempt(run, index + 1, Math.min(shortestWait, permit.waitMs()));
            }
            ProviderPrompt words = run.promptFor().apply(id);
            ImageRequest image = request.image().withModel(model).worded(words.prompt(),
                    provider.capabilities(model).negativePrompt() ? words.negativePrompt() : null);
            long started = System.nanoTime();
            return provider.generate(image, progress)
                    .flatMap(result -> {
                        long ms = (System.nanoTime() - started) / 1_000_000;
                        attempts.add(new ProviderAttempt(id, result.model(), ProviderAttempt.SUCCEEDED, null, (int) ms,
                                image.prompt(), image.negativePrompt(), warning));
                        record(id, "SUCCEEDED", ms, result.costUsd());
                        // passive health is a statistic: recorded beside the answer, not in front of it
                        health.recordOutcome(id, true, ms).subscribe().with(ok -> {
                        }, e -> LOG.debugf("provider=%s outcome not recorded: %s", id, e.getMessage()));
                        return Uni.createFrom().item(new RoutedGeneration(result, List.copyOf(attempts)));
                    })
                    .onFailure(e -> !(e instanceof RoutingFailure)).recoverWithUni(failure -> {
                        long ms = (System.nanoTime() - started) / 1_000_000;
                        ProviderException classified = VendorFailures.classify(id, failure);
                        attempts.add(new ProviderAttempt(id, model, ProviderAttempt.FAILED,
                                classified.kind().name(), (int) ms, image.prompt(), image.negativePrompt(), warning));
                        record(id, classified.kind().name(), ms, BigDecimal.ZERO);
                        LOG.infof("provider=%s attempt=%d failed: %s (%s)", id, attempts.size(), classified.kind(),
                                classified.getMessage());
                        if (classified.kind() == ProviderErrorKind.CONTENT_POLICY && config.stopOnContentPolicy()) {
                            return Uni.createFrom().failure(new RoutingFailure(ErrorCode.CONTENT_POLICY,
                                    classified.getMessage(), attempts, 0));
                        }
                        if (classified.kind() == ProviderErrorKind.MODEL_RETIRED) {
                            return retired(run, index, id, model, classified, shortestWait);
                        }
                        return afterFailure(id, classified).chain(() -> attempt(run, index + 1, shortestWait));
                    });
        });
    }

    /**
     * The vendor says the model is gone though it was believed active: every replica learns it is retired, and the
     * request goes to its replacement at the same provider when one is known, else on down the chain.
     */
    private Uni<RoutedGeneration> retired(Run run, int index, ProviderId id, String model, ProviderException failure,
            long shortestWait) {
        return lifecycle.markRetired(id, model, "the vendor answered model_not_found: " + failure.getMessage())
                .onFailure().recoverWithNull()
                .chain(() -> {
                    ModelLifecycle.Choice next = lifecycle.choose(id, model);
                    if (next.model() != null && !next.model().equals(model)) {
                        run.models().put(id, next.model());
                        run.warnings().put(id, next.warning());
                        return attempt(run, index, shortestWait);
                    }
                    return attempt(run, index + 1, shortestWait);
                });
    }

    /** What a failure teaches the cluster about the provider. */
    private Uni<Void> afterFailure(ProviderId id, ProviderException failure) {
        Uni<Void> outcome = failure.kind() == ProviderErrorKind.CONTENT_POLICY || failure.kind() == ProviderErrorKind.BAD_REQUEST
                ? Uni.createFrom().voidItem()
                : health.recordOutcome(id, false, 0);
        return switch (failure.kind()) {
            case RATE_LIMITED -> outcome.chain(() -> pauses.pause(id,
                    failure.retryAfter() == null ? Duration.ofSeconds(30) : failure.retryAfter()));
            case AUTH, PAYMENT -> outcome.chain(() -> health.markDown(id, failure.getMessage()));
            default -> outcome;
        };
    }

    private RoutingFailure exhausted(List<ProviderAttempt> attempts, long shortestWait) {
        boolean allRateLimited = !attempts.isEmpty()
                && attempts.stream().allMatch(a -> ProviderAttempt.SKIPPED_RATE_LIMITED.equals(a.outcome()));
        if (allRateLimited) {
            return new RoutingFailure(ErrorCode.RATE_LIMITED,
                    "Every eligible provider is at its rate limit; try again in " + shortestWait + " ms", attempts,
                    shortestWait);
        }
        return new RoutingFailure(ErrorCode.PROVIDER_UNAVAILABLE,
                "No provider could generate the image after " + attempts.size() + " attempt(s)", attempts, 0);
    }

    private void record(ProviderId id, String outcome, long ms, BigDecimal cost) {
        metrics.counter("atelier.provider.requests", "provider", id.name(), "outcome", outcome).increment();
        Timer.builder("atelier.provider.latency").tag("provider", id.name()).publishPercentileHistogram()
                .register(metrics).record(Duration.ofMillis(ms));
        if (cost.signum() > 0) {
            metrics.counter("atelier.provider.cost.usd", "provider", id.name()).increment(cost.doubleValue());
        }
    }
}
