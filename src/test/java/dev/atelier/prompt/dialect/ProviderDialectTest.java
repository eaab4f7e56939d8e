package dev.atelier.prompt.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fitting a prompt to a provider's limit keeps as much as it can and never breaks a character. */
class ProviderDialectTest {

    @Test
    void latinTextIsCutAtTheLastSpaceBeforeTheLimit() {
        assertThat(ProviderDialect.fit("a red fox in a snowy forest at dawn", 20)).isEqualTo("a red fox in a snowy");
        assertThat(ProviderDialect.fit("short", 20)).isEqualTo("short");
    }

    @Test
    void textWithoutSpacesIsCutAtTheLimitOrAfterPunctuation() {
        String chinese = "一只红色的狐狸在雪林里".repeat(30); // 330 characters, no punctuation
        assertThat(ProviderDialect.fit(chinese, 100)).hasSize(100).isEqualTo(chinese.substring(0, 100));
        String japanese = "赤い狐が雪の森を歩く。".repeat(30); // a sentence end every 11 characters
        assertThat(ProviderDialect.fit(japanese, 100)).hasSize(99).endsWith("。");
        String korean = "눈 덮인 숲 속의 붉은 여우 ".repeat(30);
        assertThat(ProviderDialect.fit(korean, 100)).isNotEmpty().hasSizeLessThanOrEqualTo(100).doesNotEndWith(" ");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverSplit() {
        String octopi = "🐙".repeat(60); // 120 UTF-16 units
        String cut = ProviderDialect.fit(octopi, 51);
        assertThat(cut).hasSize(50).isEqualTo("🐙".repeat(25));
    }
}
