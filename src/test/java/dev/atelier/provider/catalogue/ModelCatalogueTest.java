package dev.atelier.provider.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.atelier.provider.ProviderId;
import dev.atelier.provider.TokenUsage;

/** The bundled catalogue: today's defaults are served, every fact has a source, retirements lead somewhere. */
class ModelCatalogueTest {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    static String resource(String name) {
        try (InputStream in = ModelCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final ModelCatalogue CATALOGUE = ModelCatalogue.of(JSON, resource(ModelCatalogue.BUNDLED));

    /** The value a property gets with no configuration at all: {@code ${ENV:default}} resolves to its default. */
    static String defaultOf(String property) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(resource("application.properties")));
        String value = properties.getProperty(property);
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    @Test
    void withNoConfigurationNoDefaultModelIsPastItsShutdownAsOfToday() throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<ProviderId, String> defaults = Map.of(ProviderId.OPENAI, defaultOf("atelier.providers.openai.model"),
                ProviderId.GOOGLE, defaultOf("atelier.providers.google.model"),
                ProviderId.STABILITY, defaultOf("atelier.providers.stability.model"));
        defaults.forEach((provider, model) -> {
            Optional<CatalogueModel> known = CATALOGUE.find(provider, model);
            assertThat(known).as(provider + " default " + model + " is in the catalogue").isPresent();
            assertThat(known.get().shutDownBy(today)).as(provider + " default " + model + " is served today").isFalse();
        });
        String chat = defaultOf("atelier.prompt.llm.model");
        assertThat(CATALOGUE.chatModel(chat)).as("the default chat model " + chat).isPresent();
        assertThat(CATALOGUE.chatModel(chat).get().shutDownBy(today)).as(chat + " is served today").isFalse();
        assertThat(CATALOGUE.checked()).as("facts checked on or before the build").isBeforeOrEqualTo(today);
    }

    @Test
    void everyModelHasSourcesAndEveryRetiredOneADateAndAReplacementThatIsServed() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (CatalogueModel model : CATALOGUE.all()) {
            assertThat(model.sources()).as(model.provider() + " " + model.id()).isNotEmpty();
            assertThat(model.capabilities()).as(model.id() + " capabilities, with the provider's defaults").isNotNull();
            if (model.status() == ModelStatus.SHUTDOWN) {
                assertThat(model.shutdownDate()).as(model.id()).isNotNull();
                String next = model.replacement();
                Set<String> seen = new HashSet<>();
                while (next != null && CATALOGUE.model(model.provider(), next).shutDownBy(today) && seen.add(next)) {
                    next = CATALOGUE.model(model.provider(), next).replacement();
                }
                assertThat(next).as(model.id() + " leads to a served model").isNotNull();
                assertThat(CATALOGUE.find(model.provider(), next)).as(next + " is listed").isPresent();
            }
        }
    }

    @Test
    void anUnknownModelGetsItsProvidersDefaultsAndOverridesMergeFieldByField() {
        CatalogueModel unknown = CATALOGUE.model(ProviderId.OPENAI, "gpt-image-9-preview");
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.pricing().kind()).isEqualTo(PriceKind.PER_TOKEN);
        assertThat(unknown.capabilities().maxCount()).isEqualTo(10);

        ObjectNode tree = (ObjectNode) read(resource(ModelCatalogue.BUNDLED));
        ModelCatalogue.merge(tree, read("""
                {"models": [{"provider": "OPENAI", "id": "gpt-image-2", "shutdownDate": "2027-02-01",
                             "pricing": {"imageOutputPerMillion": 25}},
                            {"provider": "OPENAI", "id": "my-proxy-model", "displayName": "Our proxy", "quality": 0.5}]}"""),
                "a test");
        ModelCatalogue changed = ModelCatalogue.of(JSON, tree.toString());
        CatalogueModel gpt2 = changed.find(ProviderId.OPENAI, "gpt-image-2").orElseThrow();
        assertThat(gpt2.shutdownDate()).isEqualTo(LocalDate.parse("2027-02-01"));
        assertThat(gpt2.pricing().imageOutputPerMillion()).isEqualByComparingTo("25");
        assertThat(gpt2.pricing().textInputPerMillion()).as("untouched fields stay").isEqualByComparingTo("5");
        CatalogueModel proxy = changed.find(ProviderId.OPENAI, "my-proxy-model").orElseThrow();
        assertThat(proxy.pricing().kind()).as("an addition without a price is priced as its provider's default, "
                + "never free").isEqualTo(PriceKind.PER_TOKEN);
        assertThat(proxy.pricing().estimate("medium.1024x1024", 1)).isPositive();
    }

    @Test
    void tokenPricesBillTheUsageTheVendorReports() {
        PriceFormula sunburst = CATALOGUE.find(ProviderId.OPENAI, "gpt-image-2.6-sunburst").orElseThrow().pricing();
        // 20 text in at 5, 1000 image in at 8, 7024 image out at 30 (USD per 1M)
        assertThat(sunburst.actual(new TokenUsage(20, 1000, 7024, 0))).isEqualByComparingTo(new BigDecimal("0.218820"));
        assertThat(sunburst.estimate("high.1024x1024", 2)).isEqualByComparingTo(new BigDecimal("0.422440"));
        PriceFormula core = CATALOGUE.find(ProviderId.STABILITY, "core").orElseThrow().pricing();
        assertThat(core.estimate("default", 1)).isEqualByComparingTo("0.03");
        assertThat(core.actual(new TokenUsage(1, 1, 1, 1))).as("credits are not billed by tokens").isNull();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
