package dev.atelier.routing;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.StylePreferences;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;

/** One image generation request as clients send it. */
@Input("GenerateImageInput")
@Description("An image to generate. Leave provider out for AUTO routing.")
public record GenerateImageInput(
        @NonNull @Description("The idea or a finished prompt.") String prompt,
        @DefaultValue("true") @Description("Enhance the prompt first (default true).") Boolean enhance,
        Category category,
        StylePreferences style,
        @Description("null = AUTO") ProviderId provider,
        @DefaultValue("STANDARD") Quality quality,
        @Description("WIDTHxHEIGHT, default 1024x1024") String size,
        @DefaultValue("1") Integer count,
        Budget budget,
        Priority priority,
        Integer seed,
        String negativePrompt,
        @Id String collectionId,
        String idempotencyKey,
        @Description("With an explicit provider: may the router fall back to others if it fails? (default false)")
        Boolean allowFallback) {
}
