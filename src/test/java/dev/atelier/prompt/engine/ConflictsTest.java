package dev.atelier.prompt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.StylePreferences;

/**
 * No template phrase contradicts the idea: the rows of the issue's table come out with a fitting category and none
 * of the phrases that misread them, and a contradiction set (an idea's cue, a phrase it forbids) gives none.
 */
class ConflictsTest {

    static final TemplateEnhancer ENGINE = new TemplateEnhancer(CategoryDetector.withBundledLexicon(), Map.of());

    static String everyVariant(Enhancement enhancement) {
        StringBuilder all = new StringBuilder();
        for (ProviderPrompt v : enhancement.variants()) {
            all.append(v.prompt()).append('\n');
        }
        return all.toString().toLowerCase();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a cozy reading nook with rain outside    | ARCHITECTURE | horizon;landscape;wide-angle lens at f/11;golden hour;serene
            minimalist logo for a coffee shop        | ART          | brushwork;textured paper;trending on artstation;expressive linework
            a robot chef flipping pancakes           | PRODUCT      | product photograph;premium materials;flawless finish;studio
            portriat of an old fisherman             | PORTRAIT     | abstract digital artwork;interplay of color
            """)
    void theIssuesIdeasGetAFittingCategoryAndNoContradictingPhrase(String idea, Category expected, String forbidden) {
        Enhancement e = ENGINE.enhance(idea, null, null, 7);
        assertThat(e.category()).as(idea).isEqualTo(expected);
        String text = everyVariant(e);
        for (String phrase : forbidden.split(";")) {
            assertThat(text).as(idea + " must not say '" + phrase + "'").doesNotContain(phrase);
        }
    }

    @Test
    void subStylesFitInteriorsLogosAndCharacters() {
        assertThat(everyVariant(ENGINE.enhance("a cozy reading nook with rain outside", null, null, 1)))
                .contains("interior photograph of a cozy reading nook");
        assertThat(everyVariant(ENGINE.enhance("minimalist logo for a coffee shop", null, null, 1)))
                .contains("crisp vector finish").contains("professional graphic design");
        assertThat(everyVariant(ENGINE.enhance("a robot chef flipping pancakes", null, null, 1)))
                .contains("character illustration of a robot chef flipping pancakes");
    }

    /** Ideas with a trait, and the phrases that trait forbids: none may appear in any variant, whatever the seed. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/prompt/contradiction-set.tsv", delimiter = '\t')
    void aContradictionSetGivesNoContradiction(String idea, String forbidden) {
        for (long seed = 0; seed < 8; seed++) {
            String text = everyVariant(ENGINE.enhance(idea, null, null, seed));
            for (String phrase : forbidden.split(";")) {
                assertThat(text).as(idea + " (seed " + seed + ") must not say '" + phrase + "'").doesNotContain(phrase);
            }
        }
    }

    @Test
    void naturalLanguageVariantsCarryNoTagEraBoilerplate() {
        for (String idea : List.of("a castle in the clouds, fantasy art", "a sleek sports car", "an abstract swirl of color")) {
            for (ProviderPrompt v : ENGINE.enhance(idea, null, null, 2).variants()) {
                if (v.provider() == dev.atelier.provider.ProviderId.OPENAI || v.provider() == dev.atelier.provider.ProviderId.GOOGLE) {
                    assertThat(v.prompt().toLowerCase()).as(v.provider() + ": " + idea)
                            .doesNotContain("8k").doesNotContain("trending on artstation").doesNotContain("masterful");
                }
            }
        }
    }

    @Test
    void aKoreanIdeaReachesEnglishOnlyModelsWithAnEnglishRenderingBesideTheOriginal() {
        Enhancement e = ENGINE.enhance("비 오는 서울 골목", null, null, 4);
        Map<dev.atelier.provider.ProviderId, String> byProvider = new java.util.EnumMap<>(dev.atelier.provider.ProviderId.class);
        e.variants().forEach(v -> byProvider.put(v.provider(), v.prompt()));
        assertThat(byProvider.get(dev.atelier.provider.ProviderId.STABILITY))
                .startsWith("(rainy Seoul alley:1.2), 비 오는 서울 골목");
        assertThat(byProvider.get(dev.atelier.provider.ProviderId.SDWEBUI)).contains("rainy Seoul alley");
        assertThat(byProvider.get(dev.atelier.provider.ProviderId.OPENAI)).as("a multilingual model reads the original")
                .contains("비 오는 서울 골목").doesNotContain("rainy Seoul alley");
        assertThat(everyVariant(e)).as("rain: no sunny defaults").doesNotContain("golden hour").doesNotContain("serene");
        assertThat(Glossary.english("골목에서 노는 고양이")).as("particles and unknown words").isEqualTo("alley cat");
        assertThat(Glossary.english("a rainy alley")).isNull();
        assertThat(PromptText.language("비 오는 서울 골목")).isEqualTo("ko");
        assertThat(PromptText.languageName("ko")).isEqualTo("Korean");
    }

    @Test
    void stylePreferencesCountAsTraits() {
        StylePreferences night = new StylePreferences("moonlit night", null, null, null, null, null);
        String text = everyVariant(ENGINE.enhance("a mountain lake", Category.LANDSCAPE, night, 3));
        assertThat(text).contains("moonlit night").doesNotContain("golden hour").doesNotContain("serene");
    }

    @Test
    void everyRowOfTheTableIsUsedByTheSet() {
        assertThat(Conflicts.TABLE).extracting(Conflicts.Row::trait).containsExactly("indoors", "logo or flat graphic",
                "night, rain or storm", "a storm", "black and white", "a hand-made medium", "a photograph", "a character");
        IdeaTraits none = IdeaTraits.of("a red apple", List.of());
        assertThat(Conflicts.contradicted("golden hour light", none)).isNull();
        assertThat(Conflicts.contradicted("golden hour light", IdeaTraits.of("rain", List.of())).trait())
                .isEqualTo("night, rain or storm");
    }
}
