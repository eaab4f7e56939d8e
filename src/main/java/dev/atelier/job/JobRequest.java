package dev.atelier.job;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.EnhancePromptInput;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.StylePreferences;
import dev.atelier.provider.ImageEdit;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import dev.atelier.routing.Budget;
import dev.atelier.routing.GenerateImageInput;
import dev.atelier.routing.Priority;
import dev.atelier.routing.RoutingRequest;

/**
 * What a job was asked to do: written once at admission by every entry point (GraphQL, single and batch; the
 * OpenAI-compatible endpoint) into {@code generation_jobs.request} through {@link JsonColumns}, read once by the
 * worker. {@code v} is the schema version; rows written before this record carry no {@code v} and the same names,
 * and read as version 1. Unknown fields are ignored; version 3 added {@code edit}, which a replica of version 2
 * would not understand, so from version 3 on a worker hands back a job written by a newer version (JobRunner).
 *
 * @param api            {@code graphql} or {@code openai-images}
 * @param prompt         the caller's text, cleaned: the idea to enhance, or what a provider without a variant gets
 * @param enhance        whether the worker enhances {@code prompt} first (unless {@code promptId} names a reviewed
 *                       enhancement)
 * @param promptId       an enhancement of the caller's history whose variants the job uses
 * @param variants       the caller's own text per provider, before any enhancement's
 * @param model          the vendor model asked for (GraphQL {@code model}, the OpenAI-compatible {@code model} when
 *                       it names one), or null for the provider's configured model
 * @param vendorStyle    a vendor style hint (OpenAI's vivid/natural), or null
 * @param sync           an inline generation whose HTTP caller waits for it (never run from the queue)
 * @param edit           what an edit starts from (its images by id, size and type; the worker reads their bytes),
 *                       or null for a new image
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobRequest(@JsonProperty("v") int version, String api, String prompt, boolean enhance,
        Category category, StylePreferences style, UUID promptId, List<ProviderPrompt> variants, ProviderId provider,
        boolean allowFallback, String model, Quality quality, int width, int height, int count, Long seed,
        String negativePrompt, String vendorStyle, Budget budget, Priority priority, UUID collectionId,
        boolean sync, ImageEdit edit) {

    /** The schema version this build writes. */
    public static final int VERSION = 3;

    public static final String GRAPHQL = "graphql";
    public static final String OPENAI_IMAGES = "openai-images";

    public JobRequest {
        version = version == 0 ? 1 : version;
        variants = variants == null ? List.of() : List.copyOf(variants);
        quality = quality == null ? Quality.STANDARD : quality;
        width = width == 0 ? 1024 : width;
        height = height == 0 ? 1024 : height;
        count = count == 0 ? 1 : count;
        style = style == null || style.asMap().isEmpty() ? null : style;
    }

    /** A GraphQL input, checked and turned into {@code routing} and {@code variants} by the caller. */
    static JobRequest of(GenerateImageInput input, RoutingRequest routing, UUID promptId, List<ProviderPrompt> variants,
            UUID collectionId) {
        ImageRequest image = routing.image();
        return new JobRequest(VERSION, GRAPHQL, image.prompt(), input.enhance() == null || input.enhance(),
                input.category(), input.style(), promptId, variants, routing.provider(), routing.allowFallback(),
                image.model(),
                image.quality(), image.width(), image.height(), image.count(), image.seed(), image.negativePrompt(),
                null, routing.budget(), routing.priority(), collectionId, false, image.edit());
    }

    /** A request that runs inside its HTTP call, as it is: no enhancement, no variants. */
    public static JobRequest inline(String api, RoutingRequest routing, String model) {
        ImageRequest image = routing.image();
        return new JobRequest(VERSION, api, image.prompt(), false, null, null, null, List.of(), routing.provider(),
                routing.allowFallback(), model, image.quality(), image.width(), image.height(), image.count(),
                image.seed(), image.negativePrompt(), image.style(), routing.budget(), routing.priority(), null, true,
                image.edit());
    }

    /** What the router works with; the prompt is filled per provider when the job runs. */
    public RoutingRequest routing() {
        ImageRequest image = new ImageRequest(prompt, negativePrompt, width, height, count, quality, seed, vendorStyle,
                category == null ? null : category.name(), model, edit);
        return new RoutingRequest(image, provider, allowFallback, budget, priority, null);
    }

    /** The same request with the edit's images read ({@link ImageEdit#withBytes}). */
    public JobRequest withEdit(ImageEdit loaded) {
        return new JobRequest(version, api, prompt, enhance, category, style, promptId, variants, provider,
                allowFallback, model, quality, width, height, count, seed, negativePrompt, vendorStyle, budget, priority,
                collectionId, sync, loaded);
    }

    /** Whether it edits an image (else it makes a new one). */
    @JsonIgnore
    public boolean isEdit() {
        return edit != null;
    }

    /** The enhancement the worker asks for when the job has no reviewed one. */
    public EnhancePromptInput enhancement() {
        return new EnhancePromptInput(prompt, category, style, null);
    }
}
