package dev.atelier.routing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.prompt.CleanText;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import io.smallrye.graphql.api.Nullable;

/** One edit of an image as clients send it; the generation fields mean what they mean for {@link GenerateImageInput}. */
@Input("EditImageInput")
@Description("An edit of an image you own or can read through a shared collection. Leave provider out for AUTO "
        + "routing among the providers that can make this edit.")
public record EditImageInput(
        @NonNull @Id @Description("The image to edit.") String sourceImageId,
        @Id @Description("A PNG of the source's size whose transparent pixels are the area to repaint (inpainting); "
                + "null edits the whole image.") String maskImageId,
        @Size(max = GenerationRequests.MAX_REFERENCES, message = "holds at most {max} images")
        @Description("Extra images for providers that take references (their style, a person, an object).")
        @Id @Nullable List<@NonNull String> referenceImageIds,
        @NonNull @CleanText(max = GenerationRequests.MAX_PROMPT, required = true)
        @Description("What to change (\"make it night\", \"remove the car\").") String prompt,
        @DecimalMin(value = "0", message = STRENGTH) @DecimalMax(value = "1", message = STRENGTH)
        @Description("How far an image-to-image provider may move from the source, 0-1 (null = its default); only "
                + "providers that take a strength are chosen when it is given.") Double strength,
        @DefaultValue("true") @Description("Phrase the instruction for each provider's edit dialect first.")
        Boolean enhance,
        @Description("null = AUTO") ProviderId provider,
        @DefaultValue("STANDARD") Quality quality,
        @ImageSize @Description("WIDTHxHEIGHT; default: the source's size, scaled down to at most a megapixel")
        String size,
        @Min(value = 1, message = GenerateImageInput.COUNT) @Max(value = GenerationRequests.MAX_COUNT,
                message = GenerateImageInput.COUNT) @DefaultValue("1") Integer count,
        Budget budget,
        Priority priority,
        @PositiveOrZero(message = "must not be negative") Integer seed,
        @CleanText(max = GenerationRequests.MAX_PROMPT) String negativePrompt,
        @Id String collectionId,
        @Size(max = GenerationRequests.MAX_IDEMPOTENCY_KEY, message = "is longer than {max} characters")
        String idempotencyKey,
        @Description("With an explicit provider: may the router fall back to others that can make the edit? "
                + "(default false)") Boolean allowFallback,
        @Description("Your own text for some providers; each provider in the failover chain is sent its own.")
        @Nullable List<@NonNull @Valid ProviderPromptInput> variants,
        @Size(max = 100, message = "is longer than {max} characters")
        @Description("A vendor model to use (see models); it pins its provider.") String model) {

    static final String STRENGTH = "must be between 0 and 1";

    /** The generation fields, as a generation input of {@code size} (the caller's, else the source's). */
    public GenerateImageInput generation(String defaultSize) {
        return new GenerateImageInput(prompt, enhance, null, null, provider, quality, size == null ? defaultSize : size,
                count, budget, priority, seed, negativePrompt, collectionId, idempotencyKey, allowFallback, null,
                variants, model);
    }
}
