package dev.atelier.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.atelier.support.TestImages;

class ImageBytesTest {

    @Test
    void acceptsRealPngAndJpegWithTheirDimensions() {
        assertThat(ImageBytes.check(ProviderId.OPENAI, TestImages.png(33, 21)))
                .isEqualTo(new ImageBytes.Checked("image/png", 33, 21));
        assertThat(ImageBytes.check(ProviderId.OPENAI, TestImages.jpeg(40, 30)))
                .isEqualTo(new ImageBytes.Checked("image/jpeg", 40, 30));
    }

    @Test
    void readsWebpDimensionsFromItsHeader() {
        // RIFF....WEBPVP8L with a 300 x 200 lossless header
        byte[] webp = new byte[40];
        System.arraycopy("RIFF".getBytes(), 0, webp, 0, 4);
        System.arraycopy("WEBPVP8L".getBytes(), 0, webp, 8, 8);
        webp[4] = 32; // RIFF size: the file less 8
        webp[16] = 20; // the VP8L chunk: the rest
        webp[20] = 0x2f;
        int bits = (300 - 1) | (200 - 1) << 14;
        webp[21] = (byte) bits;
        webp[22] = (byte) (bits >> 8);
        webp[23] = (byte) (bits >> 16);
        webp[24] = (byte) (bits >> 24);
        assertThat(ImageBytes.check(ProviderId.STABILITY, webp)).isEqualTo(new ImageBytes.Checked("image/webp", 300, 200));
    }

    @Test
    void rejectsGarbageTruncationAndEmptiness() {
        byte[] png = TestImages.png(64, 64);
        byte[] cutBeforeEnd = java.util.Arrays.copyOf(png, png.length - 12);
        byte[] badCrc = png.clone();
        badCrc[40] ^= 0x7f; // inside the pixel data: the chunk's CRC no longer matches
        for (byte[] bad : new byte[][] { new byte[0], "GIF89a-not-supported!!".getBytes(), TestImages.truncatedPng(),
                cutBeforeEnd, badCrc }) {
            assertThatThrownBy(() -> ImageBytes.check(ProviderId.GOOGLE, bad))
                    .isInstanceOfSatisfying(ProviderException.Transient.class,
                            e -> assertThat(e.kind()).isEqualTo(ProviderErrorKind.RETRYABLE));
        }
    }

    @Test
    void rateLimitsAreTransientOnlyWhenShortEnough() {
        assertThat(ProviderException.of(ProviderId.OPENAI, ProviderErrorKind.RATE_LIMITED, "x", Duration.ofSeconds(2), 429,
                Duration.ofSeconds(10))).isInstanceOf(ProviderException.Transient.class);
        assertThat(ProviderException.of(ProviderId.OPENAI, ProviderErrorKind.RATE_LIMITED, "x", Duration.ofSeconds(60), 429,
                Duration.ofSeconds(10))).isNotInstanceOf(ProviderException.Transient.class);
        assertThat(ProviderException.of(ProviderId.OPENAI, ProviderErrorKind.CONTENT_POLICY, "x", null, 400,
                Duration.ZERO)).isInstanceOf(ProviderException.Refusal.class);
    }

    @Test
    void retryAfterPrefersMillisecondsThenSecondsThenDates() {
        assertThat(HttpErrors.retryAfter(h -> h.equals("retry-after-ms") ? "250" : "9")).isEqualTo(Duration.ofMillis(250));
        assertThat(HttpErrors.retryAfter(h -> h.equals("retry-after") ? "3" : null)).isEqualTo(Duration.ofSeconds(3));
        assertThat(HttpErrors.retryAfter(h -> null)).isNull();
        assertThat(HttpErrors.safe("Incorrect API key provided: sk-abcdefghijklmnopqrstuv")).doesNotContain("abcdefghij");
    }
}
