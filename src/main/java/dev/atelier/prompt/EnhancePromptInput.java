package dev.atelier.prompt;

import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** What to enhance. */
@Input("EnhancePromptInput")
@Description("An idea to turn into a detailed, provider-tuned prompt.")
public record EnhancePromptInput(
        @NonNull @CleanText(maxFromConfig = true, required = true)
        @Description("The idea, in any language (at most 2,000 characters by default).") String input,
        @Description("Overrides category detection.") Category category,
        @Valid @Description("Style that replaces the category defaults.") StylePreferences style,
        @Description("false forces the offline template engine; null or true use the LLM when it is configured.")
        Boolean useLlm) {
}
