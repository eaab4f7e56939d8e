package dev.atelier.prompt;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;

/** The enhanced prompt phrased for one provider. */
@Description("The enhanced prompt as phrased for one provider.")
public record ProviderPrompt(@NonNull ProviderId provider, @NonNull String prompt, String negativePrompt) {
}
