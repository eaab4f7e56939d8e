package dev.atelier.provider.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atelier.provider.ProviderId;

/**
 * The models Atelier knows, as data: {@code catalogue/models.json} (versioned, every fact with its source and the
 * date it was checked), merged with the operator's changes ({@link CatalogueConfig}). A model the catalogue does not
 * list still works, with its provider's defaults (the {@code *} entry) and a warning.
 */
@ApplicationScoped
public class ModelCatalogue {

    private static final Logger LOG = Logger.getLogger(ModelCatalogue.class);
    static final String BUNDLED = "catalogue/models.json";
    static final String DEFAULTS = "*";

    /** The file's shape. */
    record CatalogueFile(int version, LocalDate checked, String about, List<CatalogueModel> models,
            List<ChatModel> chatModels) {

        CatalogueFile {
            models = models == null ? List.of() : models;
            chatModels = chatModels == null ? List.of() : chatModels;
        }
    }

    private final int version;
    private final LocalDate checked;
    private final Map<ProviderId, Map<String, CatalogueModel>> models = new LinkedHashMap<>();
    private final Map<ProviderId, CatalogueModel> defaults = new LinkedHashMap<>();
    private final Map<String, ChatModel> chatModels = new LinkedHashMap<>();

    @Inject
    ModelCatalogue(ObjectMapper json, CatalogueConfig config) {
        this(json, load(json, config));
    }

    private ModelCatalogue(ObjectMapper json, CatalogueFile file) {
        this.version = file.version();
        this.checked = file.checked();
        file.chatModels().forEach(chat -> chatModels.put(chat.id(), chat));
        for (CatalogueModel model : file.models()) {
            if (DEFAULTS.equals(model.id())) {
                defaults.put(model.provider(), model.pricing() != null ? model : new CatalogueModel(model.provider(),
                        model.id(), model.displayName(), model.status(), null, null, model.quality(),
                        model.capabilities(), PriceFormula.FREE, model.sources(), false));
            }
        }
        for (CatalogueModel model : file.models()) {
            if (!DEFAULTS.equals(model.id())) {
                CatalogueModel base = defaults.get(model.provider());
                // what a listed model leaves out (an operator's addition may give only an id) is its provider's default
                CatalogueModel known = new CatalogueModel(model.provider(), model.id(), model.displayName(),
                        model.status(), model.shutdownDate(), model.replacement(),
                        model.quality() != null ? model.quality() : base == null ? null : base.quality(),
                        model.capabilities() == null ? base == null ? null : base.capabilities()
                                : model.capabilities().orElse(base == null ? null : base.capabilities()),
                        model.pricing() != null ? model.pricing() : base == null ? PriceFormula.FREE : base.pricing(),
                        model.sources(), true);
                models.computeIfAbsent(model.provider(), p -> new LinkedHashMap<>()).put(model.id(), known);
            }
        }
    }

    /** A catalogue read from JSON text alone (tests, tools). */
    public static ModelCatalogue of(ObjectMapper json, String catalogueJson) {
        try {
            return new ModelCatalogue(json, json.readValue(catalogueJson, CatalogueFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int version() {
        return version;
    }

    /** The day the bundled facts were last checked against the vendors' pages. */
    public LocalDate checked() {
        return checked;
    }

    /** The models the catalogue lists for {@code provider}, in its order. */
    public List<CatalogueModel> models(ProviderId provider) {
        return List.copyOf(models.getOrDefault(provider, Map.of()).values());
    }

    /** Every listed model. */
    public List<CatalogueModel> all() {
        List<CatalogueModel> all = new ArrayList<>();
        models.values().forEach(byId -> all.addAll(byId.values()));
        return all;
    }

    /** A chat model for prompt enhancement, when the catalogue lists it. */
    public Optional<ChatModel> chatModel(String id) {
        return Optional.ofNullable(chatModels.get(id));
    }

    public Optional<CatalogueModel> find(ProviderId provider, String id) {
        return Optional.ofNullable(models.getOrDefault(provider, Map.of()).get(id));
    }

    /** The listed model, or one with the provider's defaults ({@code known} false) for an id it does not list. */
    public CatalogueModel model(ProviderId provider, String id) {
        return find(provider, id).orElseGet(() -> {
            CatalogueModel base = defaults.get(provider);
            return new CatalogueModel(provider, id, id, ModelStatus.ACTIVE, null, null,
                    base == null ? null : base.quality(), base == null ? null : base.capabilities(),
                    base == null ? PriceFormula.FREE : base.pricing(), List.of(), false);
        });
    }

    /** Says once, at startup, that a configured model is not in the catalogue. */
    public void warnIfUnknown(ProviderId provider, String id) {
        if (id != null && find(provider, id).isEmpty()) {
            LOG.warnf("provider=%s model %s is not in the model catalogue (version %d, checked %s): its defaults apply "
                    + "(prices, sizes); add it with ATELIER_CATALOGUE_FILE", provider, id, version, checked);
        }
    }

    private static CatalogueFile load(ObjectMapper json, CatalogueConfig config) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the application");
            }
            ObjectNode tree = (ObjectNode) json.readTree(in);
            if (config.file().filter(f -> !f.isBlank()).isPresent()) {
                Path path = Path.of(config.file().get());
                merge(tree, json.readTree(Files.readString(path)), path.toString());
            }
            if (config.overrides().filter(o -> !o.isBlank()).isPresent()) {
                merge(tree, json.readTree(config.overrides().get()), "ATELIER_CATALOGUE_OVERRIDES");
            }
            return json.treeToValue(tree, CatalogueFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("The model catalogue could not be read: " + e.getMessage(), e);
        }
    }

    /** Merges {@code changes}' models into {@code tree}'s, by provider and id, field by field. */
    static void merge(ObjectNode tree, JsonNode changes, String from) {
        if (!changes.path("models").isArray()) {
            throw new IllegalStateException(from + " must be a JSON object with a \"models\" array");
        }
        ArrayNode models = (ArrayNode) tree.withArray("models");
        for (JsonNode change : changes.path("models")) {
            ObjectNode target = null;
            for (JsonNode existing : models) {
                if (existing.path("provider").equals(change.path("provider")) && existing.path("id").equals(change.path("id"))) {
                    target = (ObjectNode) existing;
                }
            }
            if (target == null) {
                models.add(change.deepCopy());
            } else {
                deepMerge(target, change);
            }
        }
        LOG.infof("model catalogue: %d model(s) changed or added from %s", changes.path("models").size(), from);
    }

    private static void deepMerge(ObjectNode target, JsonNode change) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = change.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = target.get(field.getKey());
            if (current instanceof ObjectNode object && field.getValue().isObject()) {
                deepMerge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
