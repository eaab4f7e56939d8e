package dev.atelier.provider.catalogue;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where an operator's changes to the bundled model catalogue come from (docs/providers.md "Model catalogue"). */
@ConfigMapping(prefix = "atelier.catalogue")
public interface CatalogueConfig {

    /**
     * {@code ATELIER_CATALOGUE_FILE}: a JSON file in the catalogue's shape; each of its models is merged field by field
     * into the bundled entry with the same provider and id, or added when there is none.
     */
    Optional<String> file();

    /** {@code ATELIER_CATALOGUE_OVERRIDES}: the same as JSON text (one environment variable in a cluster). */
    Optional<String> overrides();
}
