package dev.atelier.provider.catalogue;

import java.time.LocalDate;
import java.util.List;

import dev.atelier.provider.ProviderId;

/**
 * One vendor model as Atelier knows it: what it accepts, how it is billed, where it is in its life and which model
 * the vendor names to replace it, with the sources these facts were read from.
 *
 * @param provider     the provider serving it
 * @param id           the vendor's model id ({@code *} in the file: the provider's defaults for unknown models)
 * @param displayName  a human name
 * @param status       as documented (the live state also counts vendor model lists and refusals: ModelLifecycle)
 * @param shutdownDate the day the vendor stops serving it, when announced
 * @param replacement  the model the vendor recommends instead (same provider), or null
 * @param quality      the routing prior for images of this model, 0..1
 * @param capabilities what it accepts
 * @param pricing      how it is billed (null only while the catalogue is read: the provider's defaults fill it)
 * @param sources      where each fact was read, with the date
 * @param known        false for a model an operator configured that the catalogue does not list (defaults apply)
 */
public record CatalogueModel(ProviderId provider, String id, String displayName, ModelStatus status,
        LocalDate shutdownDate, String replacement, Double quality, ModelLimits capabilities, PriceFormula pricing,
        List<String> sources, boolean known) {

    public CatalogueModel {
        status = status == null ? ModelStatus.ACTIVE : status;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Whether the vendor has stopped serving it by {@code today}. */
    public boolean shutDownBy(LocalDate today) {
        return status == ModelStatus.SHUTDOWN || (shutdownDate != null && !today.isBefore(shutdownDate));
    }
}
