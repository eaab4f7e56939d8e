package dev.atelier.routing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.prompt.CleanText;
import dev.atelier.provider.ProviderId;

/**
 * The caller's own text for one provider (an edited variant); its length is checked against that provider's limit
 * ({@code atelier.prompt.provider-max-chars}) by {@link GenerationRequests}.
 */
@Input("ProviderPromptInput")
@Description("The text one provider is sent for this job, e.g. an edited variant of an enhancement.")
public record ProviderPromptInput(
        @NonNull ProviderId provider,
        @NonNull @CleanText(required = true) String prompt,
        @CleanText(max = GenerationRequests.MAX_PROMPT) String negativePrompt) {
}
