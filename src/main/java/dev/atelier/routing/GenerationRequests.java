package dev.atelier.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.pagination.Ids;
import dev.atelier.common.validation.InputValidation;
import dev.atelier.prompt.PromptService;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.engine.PromptText;
import dev.atelier.prompt.engine.TemplateEnhancer;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.catalogue.ModelCatalogue;
import io.smallrye.mutiny.Uni;
import dev.atelier.provider.Quality;

/**
 * Turns a {@link GenerateImageInput} into what the router works with, after checking it against the constraints
 * declared on the record ({@link InputValidation}); the limits live here.
 */
@ApplicationScoped
public class GenerationRequests {

    static final Pattern SIZE = Pattern.compile("^(\\d{2,4})x(\\d{2,4})$");
    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 4096;
    public static final int MAX_COUNT = 10;
    public static final int MAX_PROMPT = 4000;
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    /** Reference images of one edit (OpenAI takes 16 images in all, Gemini 14). */
    public static final int MAX_REFERENCES = 15;

    private final InputValidation validation;
    private final TemplateEnhancer limits;
    private final PromptService prompts;
    private final ModelCatalogue catalogue;
    private final ProviderRegistry providers;

    GenerationRequests(InputValidation validation, TemplateEnhancer limits, PromptService prompts,
            ModelCatalogue catalogue, ProviderRegistry providers) {
        this.validation = validation;
        this.limits = limits;
        this.prompts = prompts;
        this.catalogue = catalogue;
        this.providers = providers;
    }

    /**
     * The checked input as a routing request; BAD_USER_INPUT naming the field when a constraint fails (its variants
     * and the form of its promptId included: {@link #ownedPrompt} checks whose it is).
     */
    public RoutingRequest toRouting(GenerateImageInput input, BigDecimal maxCostUsd) {
        validation.valid(input, "generation input");
        variants(input);
        promptId(input);
        String negative = input.negativePrompt() == null ? null : PromptText.clean(input.negativePrompt());
        int[] size = size(input.size());
        String model = input.model() == null || input.model().isBlank() ? null : input.model().trim();
        ProviderId provider = model == null ? input.provider() : providerOf(model, input.provider());
        ImageRequest image = new ImageRequest(PromptText.clean(input.prompt()),
                negative == null || negative.isEmpty() ? null : negative, size[0], size[1],
                input.count() == null ? 1 : input.count(), input.quality() == null ? Quality.STANDARD : input.quality(),
                input.seed() == null ? null : input.seed().longValue(), null, null, model);
        return new RoutingRequest(image, provider, Boolean.TRUE.equals(input.allowFallback()), input.budget(),
                input.priority(), maxCostUsd);
    }

    /**
     * The provider serving {@code model}: one the catalogue lists it for (or that is configured with it), the one
     * asked for when given; BAD_USER_INPUT naming the models known there otherwise.
     */
    public ProviderId providerOf(String model, ProviderId asked) {
        for (ProviderId id : ProviderId.values()) {
            if (serves(id, model) && (asked == null || asked == id)) {
                return id;
            }
        }
        List<ProviderId> where = asked == null ? List.of(ProviderId.values()) : List.of(asked);
        List<String> known = new ArrayList<>();
        where.forEach(id -> catalogue.models(id).forEach(m -> known.add(m.id())));
        throw AtelierException.badInput("model is not one Atelier knows" + (asked == null ? "" : " for " + asked)
                + "; the models are: " + String.join(", ", known));
    }

    /** The input's promptId, or null; BAD_USER_INPUT when it is not an id. */
    public UUID promptId(GenerateImageInput input) {
        return input.promptId() == null ? null : Ids.parse(input.promptId(), "prompt");
    }

    /** Completes when {@code promptId} is null or one of the caller's enhancements; NOT_FOUND otherwise. */
    public Uni<Void> ownedPrompt(UUID userId, UUID promptId) {
        return promptId == null ? Uni.createFrom().voidItem() : prompts.get(userId, promptId).replaceWithVoid();
    }

    /** The provider whose catalogue lists {@code model}, or that is configured with it. */
    public Optional<ProviderId> servedBy(String model) {
        for (ProviderId id : ProviderId.values()) {
            if (serves(id, model)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private boolean serves(ProviderId id, String model) {
        return catalogue.find(id, model).isPresent() || providers.get(id).map(p -> p.model().equals(model)).orElse(false);
    }

    /**
     * The caller's variants of a checked input, cleaned: at most one per provider, each within that provider's
     * length ({@code atelier.prompt.provider-max-chars}); BAD_USER_INPUT naming the provider otherwise.
     */
    public List<ProviderPrompt> variants(GenerateImageInput input) {
        if (input.variants() == null) {
            return List.of();
        }
        Set<ProviderId> seen = EnumSet.noneOf(ProviderId.class);
        List<ProviderPrompt> variants = new ArrayList<>();
        for (int i = 0; i < input.variants().size(); i++) {
            ProviderPromptInput variant = input.variants().get(i);
            String prompt = PromptText.clean(variant.prompt());
            int max = limits.maxChars(variant.provider());
            if (!seen.add(variant.provider())) {
                throw AtelierException.badInput("variants[" + i + "] is a second variant for " + variant.provider()
                        + "; give one per provider");
            }
            if (prompt.length() > max) {
                throw AtelierException.badInput("variants[" + i + "].prompt for " + variant.provider() + " is "
                        + prompt.length() + " characters long; " + variant.provider() + " takes at most " + max);
            }
            String negative = variant.negativePrompt() == null ? "" : PromptText.clean(variant.negativePrompt());
            variants.add(new ProviderPrompt(variant.provider(), prompt, negative.isEmpty() ? null : negative));
        }
        return List.copyOf(variants);
    }

    /**
     * The size an edit of a {@code width} x {@code height} source makes unless told: the source's, scaled down to
     * at most a megapixel (1024 x 1024) when larger, or up until its short side is {@link #MIN_SIDE}, each side
     * rounded to a multiple of 8.
     */
    public static String editSize(int width, int height) {
        // larger than a megapixel: scaled down; a side under the smallest Atelier makes: scaled up, keeping the shape
        double scale = Math.min(1.0, Math.sqrt(1_048_576.0 / ((double) width * height)));
        scale = Math.max(scale, (double) MIN_SIDE / Math.min(width, height));
        int w = Math.max(MIN_SIDE, Math.min(MAX_SIDE, (int) Math.round(width * scale / 8) * 8));
        int h = Math.max(MIN_SIDE, Math.min(MAX_SIDE, (int) Math.round(height * scale / 8) * 8));
        return w + "x" + h;
    }

    /** "WIDTHxHEIGHT", each side 64..4096; null is the default 1024x1024. */
    public static int[] size(String size) {
        String problem = sizeProblem(size);
        if (problem != null) {
            throw AtelierException.badInput("size " + problem);
        }
        Matcher m = SIZE.matcher(size == null ? "1024x1024" : size.trim().toLowerCase(Locale.ROOT));
        m.matches();
        return new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) };
    }

    /** What is wrong with a size (to follow the field's name), or null when it is a size Atelier makes. */
    static String sizeProblem(String size) {
        if (size == null) {
            return null;
        }
        Matcher m = SIZE.matcher(size.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return "must look like 1024x1024";
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < MIN_SIDE || h < MIN_SIDE || w > MAX_SIDE || h > MAX_SIDE) {
            return "must have each side between " + MIN_SIDE + " and " + MAX_SIDE + " pixels";
        }
        return null;
    }
}
