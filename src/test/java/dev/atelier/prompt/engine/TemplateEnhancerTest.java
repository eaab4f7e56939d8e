package dev.atelier.prompt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.StylePreferences;
import dev.atelier.provider.ProviderId;

class TemplateEnhancerTest {

    static final Map<String, Integer> LIMITS = Map.of(
            "OPENAI", 4000, "GOOGLE", 1900, "STABILITY", 10000, "SDWEBUI", 3000, "LOCAL", 4000);

    private final TemplateEnhancer enhancer = new TemplateEnhancer(CategoryDetector.withBundledLexicon(), LIMITS);

    @Test
    void anEmojiIdeaIsPhrasedWithTheWordItStandsFor() {
        Enhancement result = enhancer.enhance("🐙 in space", null, null, 0);

        assertThat(result.category()).isEqualTo(Category.ANIMAL);
        for (ProviderId provider : ProviderId.values()) {
            assertThat(result.variant(provider).prompt()).as(provider.name()).containsIgnoringCase("octopus");
        }
    }

    @Test
    void aCatBecomesADetailedAnimalPrompt() {
        Enhancement result = enhancer.enhance("a cat", null, null, 0);

        assertThat(result.category()).isEqualTo(Category.ANIMAL);
        String openai = result.variant(ProviderId.OPENAI).prompt();
        assertThat(openai).contains("cat");
        assertThat(PromptText.wordCount(openai)).isBetween(25, 80);
        System.out.println("OPENAI:    " + openai);
        System.out.println("GOOGLE:    " + result.variant(ProviderId.GOOGLE).prompt());
        System.out.println("STABILITY: " + result.variant(ProviderId.STABILITY).prompt());
        System.out.println("NEGATIVE:  " + result.variant(ProviderId.STABILITY).negativePrompt());
    }

    @Test
    void everyVariantIsNonEmptyAndWithinItsProvidersLimit() {
        for (String idea : List.of("a cat", "mountain sunset", "비 오는 서울 골목", "x", "a very long idea ".repeat(100))) {
            Enhancement result = enhancer.enhance(PromptText.clean(idea), null, null, 0);
            assertThat(result.variants()).extracting(ProviderPrompt::provider)
                    .containsExactlyInAnyOrder(ProviderId.values());
            for (ProviderPrompt variant : result.variants()) {
                assertThat(variant.prompt()).isNotBlank();
                assertThat(variant.prompt().length()).isLessThanOrEqualTo(enhancer.maxChars(variant.provider()));
            }
        }
    }

    @Test
    void stableDiffusionVariantsWeightTheSubjectAndCarryANegativePrompt() {
        Enhancement result = enhancer.enhance("a cat", null, null, 0);
        for (ProviderId sd : List.of(ProviderId.STABILITY, ProviderId.SDWEBUI)) {
            ProviderPrompt variant = result.variant(sd);
            assertThat(variant.prompt()).startsWith("(a cat:1.2), ");
            assertThat(variant.negativePrompt()).contains("blurry").contains("extra limbs");
        }
        assertThat(result.variant(ProviderId.OPENAI).negativePrompt()).isNull();
    }

    @Test
    void googleVariantIsDescriptiveProseWithoutWeights() {
        String google = enhancer.enhance("a cat", null, null, 0).variant(ProviderId.GOOGLE).prompt();
        assertThat(google).doesNotContain(":1.").doesNotContain("(");
        assertThat(google).startsWith("A professional wildlife photograph of a cat");
        assertThat(google).containsIgnoringCase("photographed with");
    }

    @Test
    void koreanInputIsKeptVerbatim() {
        Enhancement result = enhancer.enhance("비 오는 서울 골목", null, null, 0);
        assertThat(result.variants()).allSatisfy(v -> assertThat(v.prompt()).contains("비 오는 서울 골목"));
        // "비" (rain) decides the light: no sunny default next to it
        assertThat(result.variant(ProviderId.OPENAI).prompt()).doesNotContain("golden hour");
    }

    @Test
    void styleReplacesTheCategoryDefaultInsteadOfPilingOn() {
        StylePreferences style = new StylePreferences("moonlit night", "serene", null, null, null, null);
        String openai = enhancer.enhance("mountain lake", null, style, 0).variant(ProviderId.OPENAI).prompt();

        assertThat(openai).contains("moonlit night").containsIgnoringCase("serene mood").doesNotContain("golden hour")
                .doesNotContain("awe-inspiring");
    }

    @Test
    void theUsersOwnWordsWinOverDefaults() {
        String watercolor = enhancer.enhance("a watercolor painting of a fox at night", null, null, 0)
                .variant(ProviderId.OPENAI).prompt();
        assertThat(watercolor).doesNotContainIgnoringCase("photograph").doesNotContain("golden hour")
                .doesNotContain("telephoto");

        Enhancement cartoon = enhancer.enhance("a cartoon dog", Category.ANIMAL, null, 0);
        assertThat(cartoon.negativePrompt()).doesNotContain("cartoonish");
    }

    @Test
    void mediumFromStyleLeadsThePrompt() {
        StylePreferences style = new StylePreferences(null, null, "oil painting", null, null, null);
        String openai = enhancer.enhance("a cat", null, style, 0).variant(ProviderId.OPENAI).prompt();
        assertThat(openai).startsWith("Oil painting of a cat").doesNotContain("photograph").doesNotContain("telephoto");
    }

    @Test
    void sameInputSameOutput() {
        StylePreferences style = new StylePreferences("neon", null, null, "teal and orange", null, null);
        assertThat(enhancer.enhance("a robot barista", null, style, 7))
                .isEqualTo(enhancer.enhance("a robot barista", null, style, 7));
    }

    @Test
    void noTermIsRepeated() {
        for (String idea : List.of("a cat with detailed fur", "soft natural light on a sleeping dog",
                "a product photo of a watch")) {
            for (ProviderPrompt variant : enhancer.enhance(idea, null, null, 0).variants()) {
                List<String> phrases = List.of(variant.prompt().toLowerCase(Locale.ROOT).split("[,.]\\s*"));
                Map<String, Integer> counts = new HashMap<>();
                phrases.stream().map(String::trim).filter(p -> !p.isEmpty()).forEach(p -> counts.merge(p, 1, Integer::sum));
                assertThat(counts.values()).as(variant.prompt()).allMatch(c -> c == 1);
            }
        }
        String withFur = enhancer.enhance("a cat with detailed fur", null, null, 0).variant(ProviderId.OPENAI).prompt();
        assertThat(withFur.split("fur", -1)).as("fur said once").hasSize(2);
    }

    @Test
    void explicitCategoryOverridesDetection() {
        Enhancement result = enhancer.enhance("a cat", Category.ART, null, 0);
        assertThat(result.category()).isEqualTo(Category.ART);
        assertThat(result.categoryConfidence()).isEqualTo(1.0);
    }

    @Test
    void keepsEveryContentWordOfEveryPartiPrompt() {
        int checked = 0;
        for (PartiPrompts.Entry entry : PartiPrompts.load()) {
            String idea = PromptText.clean(entry.prompt());
            Enhancement result = enhancer.enhance(idea, null, null, 0);
            List<String> wanted = PromptText.contentWords(idea);
            for (ProviderPrompt variant : result.variants()) {
                List<String> got = PromptText.words(variant.prompt());
                assertThat(got).as("%s variant of \"%s\"", variant.provider(), idea).containsAll(wanted);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(1600);
    }
}
