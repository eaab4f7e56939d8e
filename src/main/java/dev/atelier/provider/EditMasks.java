package dev.atelier.provider;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Atelier's masks follow OpenAI's convention: a PNG whose transparent pixels are the area to repaint. Stability's
 * inpainting and the SD web UI read the opposite kind of mask - greyscale, white = repaint, black = keep (and the SD
 * web UI would read an RGBA mask's alpha as opaque = repaint) - so they are sent this conversion.
 */
public final class EditMasks {

    private EditMasks() {
    }

    /** A greyscale PNG of the mask's size: white where the mask is (nearly) transparent, black elsewhere. */
    public static byte[] whiteRepaints(byte[] transparentRepaints) {
        try {
            BufferedImage mask = ImageIO.read(new ByteArrayInputStream(transparentRepaints));
            BufferedImage out = new BufferedImage(mask.getWidth(), mask.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            boolean alpha = mask.getColorModel().hasAlpha();
            int[] row = new int[mask.getWidth()];
            for (int y = 0; y < mask.getHeight(); y++) {
                mask.getRGB(0, y, mask.getWidth(), 1, row, 0, mask.getWidth());
                for (int x = 0; x < row.length; x++) {
                    boolean repaint = alpha && (row[x] >>> 24) < 128;
                    out.getRaster().setSample(x, y, 0, repaint ? 255 : 0);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(out, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
