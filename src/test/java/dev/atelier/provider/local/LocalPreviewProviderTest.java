package dev.atelier.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;


/** The offline renderer: real, deterministic PNGs of the requested size. */
class LocalPreviewProviderTest {

    private final PreviewRenderer renderer = new PreviewRenderer();

    @Test
    void identicalInputsGiveByteIdenticalImages() {
        byte[] first = renderer.render("a red fox in the snow", PreviewScene.ANIMAL, 7, 320, 200);
        byte[] second = renderer.render("a red fox in the snow", PreviewScene.ANIMAL, 7, 320, 200);
        assertThat(first).isEqualTo(second);
    }

    @Test
    void differentPromptsOrSeedsGiveDifferentImages() {
        byte[] base = renderer.render("a red fox in the snow", PreviewScene.ANIMAL, 7, 160, 160);
        assertThat(renderer.render("a blue fox in the snow", PreviewScene.ANIMAL, 7, 160, 160)).isNotEqualTo(base);
        assertThat(renderer.render("a red fox in the snow", PreviewScene.ANIMAL, 8, 160, 160)).isNotEqualTo(base);
    }

    @Test
    void thePngDecodesAtTheRequestedSizeForEveryScene() throws IOException {
        for (PreviewScene scene : PreviewScene.values()) {
            byte[] png = renderer.render("mountain sunset", scene, 1, 300, 170);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(300);
            assertThat(image.getHeight()).isEqualTo(170);
            assertThat(new String(png, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(PreviewRenderer.SOFTWARE);
        }
    }

    @Test
    void colourWordsSteerThePalette() throws IOException {
        BufferedImage red = ImageIO.read(new ByteArrayInputStream(
                renderer.render("red red red", PreviewScene.ABSTRACT, 3, 120, 120)));
        BufferedImage blue = ImageIO.read(new ByteArrayInputStream(
                renderer.render("blue blue blue", PreviewScene.ABSTRACT, 3, 120, 120)));
        assertThat(meanChannel(red, 16)).isGreaterThan(meanChannel(blue, 16));
        assertThat(meanChannel(blue, 0)).isGreaterThan(meanChannel(red, 0));
    }

    private static double meanChannel(BufferedImage image, int shift) {
        List<Integer> values = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                values.add((image.getRGB(x, y) >> shift) & 0xff);
            }
        }
        return values.stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
