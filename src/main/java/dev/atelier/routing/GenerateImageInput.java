package dev.atelier.routing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.CleanText;
import dev.atelier.prompt.StylePreferences;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;
import io.smallrye.graphql.api.Nullable;

/** One image generation request as clients send it. */
@Input("GenerateImageInput")
@Description("An image to generate. Leave provider out for AUTO routing.")
public record GenerateImageInput(
        @NonNull @CleanText(max = GenerationRequests.MAX_PROMPT, required = true)
        @Description("The idea or a finished prompt.") String prompt,
        @DefaultValue("true") @Description("Enhance the prompt first (default true).") Boolean enhance,
        Category category,
        @Valid StylePreferences style,
        @Description("null = AUTO") ProviderId provider,
        @DefaultValue("STANDARD") Quality quality,
        @ImageSize @Description("WIDTHxHEIGHT, default 1024x1024") String size,
        @Min(value = 1, message = COUNT) @Max(value = GenerationRequests.MAX_COUNT, message = COUNT)
        @DefaultValue("1") Integer count,
        Budget budget,
        Priority priority,
        @PositiveOrZero(message = "must not be negative") Integer seed,
        @CleanText(max = GenerationRequests.MAX_PROMPT) String negativePrompt,
        @Id String collectionId,
        @Size(max = GenerationRequests.MAX_IDEMPOTENCY_KEY, message = "is longer than {max} characters")
        String idempotencyKey,
        @Description("With an explicit provider: may the router fall back to others if it fails? (default false)")
        Boolean allowFallback,
        @Id @Description("An enhancement from your history (enhancePrompt's id) whose per-provider variants the job "
                + "uses instead of enhancing again.") String promptId,
        @Description("Your own text for some providers (edited variants); each provider in the failover chain is "
                + "sent its own: this, else the promptId enhancement's variant, else a fresh enhancement's (enhance), "
                + "else prompt.") @Nullable List<@NonNull @Valid ProviderPromptInput> variants,
        @Size(max = 100, message = "is longer than {max} characters")
        @Description("A vendor model to use (see models); it pins its provider. A retired model's replacement serves, "
                + "and the job says so. null = the provider's configured model.") String model) {

    static final String COUNT = "must be between 1 and " + GenerationRequests.MAX_COUNT;
}
