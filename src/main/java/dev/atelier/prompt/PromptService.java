package dev.atelier.prompt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.pagination.Cursor;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.common.pagination.Slice;
import dev.atelier.prompt.cache.EnhancementCache;
import dev.atelier.prompt.cache.EnhancementKey;
import dev.atelier.prompt.engine.Enhancement;
import dev.atelier.prompt.engine.TemplateEnhancer;
import dev.atelier.prompt.llm.LlmPromptEnhancer;
import dev.atelier.provider.DefaultProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Enhances ideas and keeps the caller's prompt history. Lookup order: cache (L1, then L2), then the LLM when it
 * is wanted and available (falling back to templates), else the template engine. Every call is stored as a prompt
 * owned by the caller, cached or not.
 */
@ApplicationScoped
public class PromptService {

    private final PromptInputs inputs;
    private final TemplateEnhancer templates;
    private final LlmPromptEnhancer llm;
    private final EnhancementCache cache;
    private final PromptHistory history;
    private final DefaultProvider defaultProvider;
    private final PromptConfig config;
    private final MeterRegistry metrics;

    PromptService(PromptInputs inputs, TemplateEnhancer templates, LlmPromptEnhancer llm, EnhancementCache cache,
            PromptHistory history, DefaultProvider defaultProvider, PromptConfig config,
            MeterRegistry metrics) {
        this.inputs = inputs;
        this.templates = templates;
        this.llm = llm;
        this.cache = cache;
        this.history = history;
        this.defaultProvider = defaultProvider;
        this.config = config;
        this.metrics = metrics;
    }

    /** Enhances the idea for the user and stores it in their history. */
    public Uni<EnhancedPrompt> enhance(UUID userId, EnhancePromptInput request) {
        long started = System.nanoTime();
        inputs.checked(request);
        String idea = inputs.idea(request);
        StylePreferences style = inputs.style(request.style());
        boolean wantLlm = !Boolean.FALSE.equals(request.useLlm()) && llm.enabled();
        EnhancementKey templateKey = EnhancementKey.of(idea, request.category(), style, config.engineVersion());
        EnhancementKey llmKey = wantLlm ? EnhancementKey.of(idea, request.category(), style, "llm:" + llm.model()) : null;

        return lookup(wantLlm ? llmKey : templateKey)
                .flatMap(hit -> hit.isPresent()
                        ? Uni.createFrom().item(new Outcome(hit.get(), true))
                        : compute(idea, request.category(), style, wantLlm)
                                .call(made -> cache.put(Enhancement.LLM.equals(made.engine()) ? llmKey : templateKey, made))
                                .map(made -> new Outcome(made, false)))
                .flatMap(outcome -> store(userId, idea, style, outcome.enhancement())
                        .map(saved -> toApi(saved, outcome, started)));
    }

    /** One of the user's prompts; someone else's or a missing one is NOT_FOUND. */
    public Uni<Prompt> get(UUID userId, UUID id) {
        return history.owned(id, userId)
                .onItem().ifNull().failWith(() -> AtelierException.notFound("Prompt", id))
                .map(Prompt::from);
    }

    /** The user's prompt history, newest first. */
    public Uni<PromptConnection> page(UUID userId, PageRequest request) {
        return history.page(userId, request).map(rows -> {
            Slice<PromptRow> slice = Slice.of(rows, request.first());
            List<PromptEdge> edges = slice.rows().stream()
                    .map(p -> new PromptEdge(cursor(p).encode(), Prompt.from(p)))
                    .toList();
            return new PromptConnection(edges, slice.pageInfo(PromptService::cursor));
        });
    }

    private static Cursor cursor(PromptRow p) {
        return new Cursor(p.createdAt(), p.id());
    }

    private Uni<Optional<Enhancement>> lookup(EnhancementKey key) {
        return cache.get(key);
    }

    private Uni<Enhancement> compute(String idea, Category category, StylePreferences style, boolean wantLlm) {
        if (wantLlm) {
            // the LLM call and its fallback complete on fault-tolerance threads; continue on the caller's
            // Vert.x context
            Context context = Vertx.currentContext();
            Uni<Enhancement> made = Uni.createFrom().completionStage(() -> llm.enhance(idea, category, style, 0L));
            if (context != null) {
                made = made.emitOn(task -> context.runOnContext(ignored -> task.run()));
            }
            return made.invoke(e -> count(e.engine()));
        }
        Enhancement made = templates.enhance(idea, category, style, 0L);
        count(made.engine());
        return Uni.createFrom().item(made);
    }

    private void count(String engine) {
        metrics.counter("atelier.prompt.enhancements", "engine", engine).increment();
    }

    private Uni<PromptRow> store(UUID userId, String idea, StylePreferences style, Enhancement enhancement) {
        return history.append(new PromptRow(UUID.randomUUID(), userId, idea, enhancement.category(),
                enhancement.categoryConfidence(), style.asMap(), enhancement.variant(defaultProvider.get()).prompt(),
                enhancement.negativePrompt(), StoredVariants.of(enhancement.variants().stream()
                        .map(v -> new StoredVariant(v.provider(), v.prompt(), v.negativePrompt())).toList()),
                enhancement.engine(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    private EnhancedPrompt toApi(PromptRow saved, Outcome outcome, long started) {
        Enhancement e = outcome.enhancement();
        int latencyMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        return new EnhancedPrompt(saved.id().toString(), saved.input(), e.category(), e.categoryConfidence(),
                saved.enhanced(), e.negativePrompt(), e.variants(), e.engine(), outcome.cached(), latencyMs);
    }

    private record Outcome(Enhancement enhancement, boolean cached) {
    }
}
