package dev.atelier.prompt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.provider.ProviderId;

/** Edit instructions are phrased as edits for each dialect: every content word kept, no new scene described. */
class EditInstructionsTest {

    static Map<ProviderId, ProviderPrompt> variants(String instruction, boolean masked) {
        return EditInstructions.variants(instruction, masked).stream()
                .collect(Collectors.toMap(ProviderPrompt::provider, v -> v));
    }

    @Test
    void instructionModelsGetTheInstructionAndAreToldToKeepTheRest() {
        Map<ProviderId, ProviderPrompt> v = variants("make it night", false);
        assertThat(v.get(ProviderId.OPENAI).prompt()).isEqualTo("Edit the provided image: Make it night. Keep "
                + "everything else as it is - the composition, subjects, framing and style - changing only what this "
                + "instruction asks for.");
        assertThat(v.get(ProviderId.GOOGLE).prompt()).isEqualTo(v.get(ProviderId.OPENAI).prompt());
        assertThat(variants("make it night", true).get(ProviderId.OPENAI).prompt())
                .startsWith("Edit only the masked area of the provided image: Make it night.");
    }

    @Test
    void stableDiffusionDialectsDescribeWhatTheRepaintedPixelsShow() {
        assertThat(variants("make it night", false).get(ProviderId.STABILITY).prompt())
                .isEqualTo("night, consistent with the original composition and lighting");
        assertThat(variants("add a red balloon", true).get(ProviderId.SDWEBUI).prompt())
                .startsWith("a red balloon,");
        assertThat(variants("turn it into a watercolor painting", false).get(ProviderId.LOCAL).prompt())
                .startsWith("a watercolor painting,");
    }

    @Test
    void whatIsToGoMovesToTheNegativePromptAndNoWordIsLost() {
        ProviderPrompt remove = variants("remove the car", true).get(ProviderId.STABILITY);
        assertThat(remove.prompt()).doesNotContain("car").startsWith("empty background");
        assertThat(remove.negativePrompt()).isEqualTo("the car");

        ProviderPrompt replace = variants("replace the dog with a cat", true).get(ProviderId.STABILITY);
        assertThat(replace.prompt()).startsWith("a cat,");
        assertThat(replace.negativePrompt()).isEqualTo("the dog");

        ProviderPrompt without = variants("a quiet street without people", false).get(ProviderId.SDWEBUI);
        assertThat(without.prompt()).startsWith("a quiet street,");
        assertThat(without.negativePrompt()).isEqualTo("people");

        for (String instruction : List.of("make it night", "remove the car", "replace the dog with a cat",
                "add snow on the roofs", "change the sky to a sunset")) {
            for (ProviderPrompt p : EditInstructions.variants(instruction, true)) {
                String all = (p.prompt() + " " + (p.negativePrompt() == null ? "" : p.negativePrompt())).toLowerCase();
                for (String word : PromptText.contentWords(instruction)) {
                    if (!List.of("make", "remove", "replace", "add", "change").contains(word)) {
                        assertThat(all).as(p.provider() + " keeps '" + word + "' of '" + instruction + "'").contains(word);
                    }
                }
            }
        }
    }

    @Test
    void emojiAreReadAsWords() {
        assertThat(variants("add a 🐙", false).get(ProviderId.STABILITY).prompt()).contains("octopus");
    }
}
