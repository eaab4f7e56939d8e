package dev.atelier.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.atelier.common.error.AtelierException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quality;

class OpenAiImageRequestTest {

    /** The catalogue's answer for a few ids. */
    static final java.util.function.Function<String, java.util.Optional<ProviderId>> KNOWN = model -> switch (model) {
        case "core", "ultra", "sd3.5-large" -> java.util.Optional.of(ProviderId.STABILITY);
        case "gpt-image-2.6-sunburst" -> java.util.Optional.of(ProviderId.OPENAI);
        default -> java.util.Optional.empty();
    };

    @Test
    void modelNamesPinTheirProvider() {
        assertThat(OpenAiImageRequest.provider("auto", KNOWN)).isNull();
        assertThat(OpenAiImageRequest.provider("dall-e-3", KNOWN)).isEqualTo(ProviderId.OPENAI);
        assertThat(OpenAiImageRequest.provider("gpt-image-1", KNOWN)).isEqualTo(ProviderId.OPENAI);
        assertThat(OpenAiImageRequest.provider("imagen-4.0-generate-001", KNOWN)).isEqualTo(ProviderId.GOOGLE);
        assertThat(OpenAiImageRequest.provider("gemini-2.5-flash-image", KNOWN)).isEqualTo(ProviderId.GOOGLE);
        assertThat(OpenAiImageRequest.provider("sd3.5-large", KNOWN)).isEqualTo(ProviderId.STABILITY);
        assertThat(OpenAiImageRequest.provider("SDWEBUI", KNOWN)).isEqualTo(ProviderId.SDWEBUI);
        assertThat(OpenAiImageRequest.provider("local", KNOWN)).isEqualTo(ProviderId.LOCAL);
        assertThatThrownBy(() -> OpenAiImageRequest.provider("midjourney", KNOWN)).isInstanceOf(AtelierException.class);
        assertThat(OpenAiImageRequest.provider("core", KNOWN)).as("a catalogue id").isEqualTo(ProviderId.STABILITY);
        assertThatThrownBy(() -> OpenAiImageRequest.provider("stable-image-ultra", KNOWN))
                .as("Stability's ids name its endpoints: an unknown one is refused, not sent to the wrong one")
                .isInstanceOf(AtelierException.class);
    }

    @Test
    void readsOpenAisFieldsWithItsDefaults() {
        OpenAiImageRequest dalle = OpenAiImageRequest.parse(new ImageGenerationBody(" a cat ", "dall-e-3", null,
                "1792x1024", "hd", null, "natural", null, null), KNOWN);
        assertThat(dalle.base64()).as("dall-e answers with urls unless asked").isFalse();
        assertThat(dalle.routing().provider()).isEqualTo(ProviderId.OPENAI);
        assertThat(dalle.routing().allowFallback()).isFalse();
        assertThat(dalle.routing().image().prompt()).isEqualTo("a cat");
        assertThat(dalle.routing().image().quality()).isEqualTo(Quality.HD);
        assertThat(dalle.routing().image().style()).isEqualTo("natural");
        assertThat(dalle.routing().image().width()).isEqualTo(1792);
        assertThat(dalle.routing().image().model()).as("a model id is passed through").isEqualTo("dall-e-3");

        OpenAiImageRequest gpt = OpenAiImageRequest.parse(new ImageGenerationBody("x", "gpt-image-1", null, "auto",
                "low", null, null, null, null), KNOWN);
        assertThat(gpt.base64()).as("GPT Image always answers base64").isTrue();
        assertThat(gpt.routing().image().width()).isEqualTo(1024);
        assertThat(gpt.routing().image().quality()).isEqualTo(Quality.STANDARD);
        assertThat(gpt.job().enhance()).isFalse();
        assertThat(gpt.job().sync()).as("its caller waits for it: never run from the queue").isTrue();
        assertThat(gpt.job().model()).isEqualTo("gpt-image-1");
    }
}
