package dev.atelier.routing;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.atelier.provider.ProviderId;
import dev.atelier.provider.catalogue.ModelLimits;
import dev.atelier.provider.catalogue.ModelStatus;

/** A model of the catalogue as GraphQL shows it, with its live lifecycle. */
@Description("A vendor model Atelier knows: what it accepts, how it is billed, and where it is in its life.")
public record ProviderModel(
        @NonNull String id,
        @NonNull ProviderId provider,
        @NonNull String displayName,
        @NonNull @Description("As of today: the catalogue, the vendor's model list and refusals seen.") ModelStatus status,
        @Description("The day the vendor stops serving it, when known.") LocalDate shutdownDate,
        @Description("The model the vendor recommends instead.") String replacement,
        @NonNull ModelLimits capabilities,
        @NonNull @Description("How it is billed, e.g. tokens per 1M (USD): text in 5, image in 8, image out 30.")
        String price,
        @Description("The routing prior for its images, 0..1.") Double quality,
        @NonNull @Description("Whether this replica's provider is configured with this model.") boolean configured,
        @NonNull @Description("Where the facts were read, with the date.") List<@NonNull String> sources) {
}
