package dev.atelier.prompt.llm;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.PromptConfig;
import dev.atelier.prompt.StylePreferences;
import dev.atelier.prompt.dialect.WrittenPrompt;
import dev.atelier.prompt.engine.CategoryGuess;
import dev.atelier.prompt.engine.Enhancement;
import dev.atelier.prompt.engine.TemplateEnhancer;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.catalogue.ChatModel;
import dev.atelier.provider.catalogue.ModelCatalogue;
import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * Enhancement by an OpenAI-compatible chat model, kept on a short leash: a strict time limit (default 3 s,
 * {@code atelier.prompt.llm.timeout-ms}), a named circuit breaker ({@code llm-enhancer}) so an outage costs
 * nothing after a few failures, and a fallback to the template engine for every failure - slow, broken, invalid
 * JSON, or an answer that fails {@link LlmOutputCheck}.
 */
@ApplicationScoped
public class LlmPromptEnhancer {

    private static final Logger LOG = Logger.getLogger(LlmPromptEnhancer.class);

    private final PromptWriter writer;
    private final TemplateEnhancer templates;
    private final PromptConfig config;
    private final String apiKey;
    private final ModelCatalogue catalogue;
    private final AtomicBoolean retirementReported = new AtomicBoolean();

    LlmPromptEnhancer(PromptWriter writer, TemplateEnhancer templates, PromptConfig config,
            @ConfigProperty(name = "quarkus.langchain4j.openai.api-key", defaultValue = "") String apiKey,
            ModelCatalogue catalogue) {
        this.writer = writer;
        this.templates = templates;
        this.config = config;
        this.apiKey = apiKey;
        this.catalogue = catalogue;
    }

    /**
     * Whether the LLM path is available at all (configured, or forced on) - and its chat model is still served: a
     * model past its shutdown date in the catalogue is never called; the template engine answers, with a warning.
     */
    public boolean enabled() {
        String mode = config.llm().enabled().trim().toLowerCase(Locale.ROOT);
        boolean on = mode.equals("true") || (!mode.equals("false") && !apiKey.isBlank() && !apiKey.equals("not-configured"));
        return on && !retired();
    }

    private boolean retired() {
        Optional<ChatModel> known = catalogue.chatModel(model());
        if (known.isEmpty() || !known.get().shutDownBy(LocalDate.now(ZoneOffset.UTC))) {
            return false;
        }
        if (retirementReported.compareAndSet(false, true)) {
            LOG.warnf("LLM enhancement is off: the chat model %s was shut down on %s; the template engine answers. Set "
                    + "OPENAI_CHAT_MODEL to %s", model(), known.get().shutdownDate(),
                    known.get().replacement() == null ? "a current chat model" : known.get().replacement());
        }
        return true;
    }

    /** The model name, for cache keys. */
    public String model() {
        return config.llm().model();
    }

    @Asynchronous
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000, successThreshold = 1)
    @CircuitBreakerName("llm-enhancer")
    @Fallback(fallbackMethod = "templateInstead")
    public CompletionStage<Enhancement> enhance(String subject, Category category, StylePreferences style, long seed) {
        CategoryGuess guess = category != null ? new CategoryGuess(category, 1.0) : templates.detect(subject);
        LlmDraft draft = writer.write(subject, guess.category().name(), describe(style));
        String problem = LlmOutputCheck.problem(draft, subject, templates.maxChars(ProviderId.OPENAI));
        if (problem != null) {
            throw new UnusableLlmAnswer(problem);
        }
        Enhancement template = templates.enhance(subject, guess.category(), style, seed);
        return CompletableFuture.completedFuture(fromDraft(draft, subject, guess, template));
    }

    CompletionStage<Enhancement> templateInstead(String subject, Category category, StylePreferences style, long seed,
            Throwable failure) {
        LOG.infof("LLM enhancement not used (%s); template engine answered", reason(failure));
        return CompletableFuture.completedFuture(templates.enhance(subject, category, style, seed));
    }

    private Enhancement fromDraft(LlmDraft draft, String subject, CategoryGuess guess, Enhancement template) {
        String negative = draft.negativePrompt() == null || draft.negativePrompt().isBlank()
                ? template.negativePrompt() : draft.negativePrompt().strip();
        String sdSubject = draft.englishSubject() == null || draft.englishSubject().isBlank()
                ? subject : draft.englishSubject().strip();
        List<ProviderPrompt> variants = templates.phrase(
                new WrittenPrompt(draft.prompt().strip(), sdSubject, draft.tags(), negative));
        return new Enhancement(guess.category(), guess.confidence(), variants, negative, Enhancement.LLM);
    }

    private static String describe(StylePreferences style) {
        if (style == null || style.asMap().isEmpty()) {
            return "none";
        }
        return style.asMap().toString();
    }

    private static String reason(Throwable failure) {
        if (failure instanceof UnusableLlmAnswer unusable) {
            return unusable.getMessage();
        }
        return failure.getClass().getSimpleName();
    }

    /** An LLM answer that arrived but may not be used. Counts as a failure for the circuit breaker. */
    static final class UnusableLlmAnswer extends RuntimeException {
        UnusableLlmAnswer(String reason) {
            super(reason, null, false, false);
        }
    }
}
