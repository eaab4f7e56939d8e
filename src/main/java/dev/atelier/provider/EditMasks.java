package dev.atelier.provider;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Atelier's masks follow OpenAI's convention: a PNG whose (nearly) transparent pixels - alpha below 128 - are the area
 * to repaint. This class is the one place that rule is read: the admission check (a mask must repaint something),
 * the LOCAL preview, and the conversion for Stability's inpainting and the SD web UI, which read the opposite kind of
 * mask - greyscale, white = repaint, black = keep (and the SD web UI would read an RGBA mask's alpha as opaque =
 * repaint).
 */
public final class EditMasks {

    private EditMasks() {
    }

    /** Which pixels the mask marks for repainting, row by row; none for a mask without an alpha channel. */
    public static boolean[] repaints(BufferedImage mask) {
        int w = mask.getWidth();
        int h = mask.getHeight();
        boolean[] repaint = new boolean[w * h];
        if (!mask.getColorModel().hasAlpha()) {
            return repaint;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            mask.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                repaint[y * w + x] = (row[x] >>> 24) < 128;
            }
        }
        return repaint;
    }

    /** Whether the PNG marks any pixel for repainting (false for bytes that do not decode). */
    public static boolean repaintsAnything(byte[] png) {
        BufferedImage mask = decode(png);
        if (mask == null) {
            return false;
        }
        for (boolean repaint : repaints(mask)) {
            if (repaint) {
                return true;
            }
        }
        return false;
    }

    /** A greyscale PNG of the mask's size: white where the mask repaints, black elsewhere. */
    public static byte[] whiteRepaints(byte[] transparentRepaints) {
        BufferedImage mask = decode(transparentRepaints);
        if (mask == null) {
            throw new IllegalArgumentException("the mask does not decode");
        }
        boolean[] repaint = repaints(mask);
        BufferedImage out = new BufferedImage(mask.getWidth(), mask.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                out.getRaster().setSample(x, y, 0, repaint[y * mask.getWidth() + x] ? 255 : 0);
            }
        }
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(out, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            return null;
        }
    }
}
