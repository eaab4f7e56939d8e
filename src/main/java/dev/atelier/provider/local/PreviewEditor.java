package dev.atelier.provider.local;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.time.Duration;

import javax.imageio.ImageIO;

import dev.atelier.provider.EditMasks;
import dev.atelier.provider.ImageEdit;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;

/**
 * The offline edit: a real, deterministic change of the source's pixels, so the whole edit flow runs without a
 * vendor. The source is scaled to the requested size; inside the mask's transparent area (or everywhere, without a
 * mask) each pixel moves towards the prompt's first colour by {@code strength} (default 0.6); outside it the pixels
 * stay exactly as they were. It is labelled by its model, its revised prompt ("[LOCAL edit preview] ...") and, like
 * every preview, the PNG's "Software" entry.
 */
final class PreviewEditor {

    static final double DEFAULT_STRENGTH = 0.6;

    private PreviewEditor() {
    }

    static byte[] edit(ImageEdit edit, String prompt, int width, int height, long seed) {
        BufferedImage source = scaled(decode(edit.source().bytes()), width, height);
        boolean[] repaint = edit.mask() == null ? null
                : EditMasks.repaints(scaled(decode(edit.mask().bytes()), width, height));
        Color tint = PreviewPalette.of(prompt, PreviewScene.ABSTRACT).get(0);
        double strength = edit.strength() == null ? DEFAULT_STRENGTH : edit.strength();
        // the seed shifts the tint a little, so two seeds give two honest variations
        int shift = (int) Math.floorMod(seed * 37, 31) - 15;
        int tr = clamp(tint.getRed() + shift);
        int tg = clamp(tint.getGreen() - shift);
        int tb = clamp(tint.getBlue() + shift / 2);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = source.getRGB(x, y);
                if (repaint == null || repaint[y * width + x]) {
                    int r = mix((rgb >> 16) & 0xff, tr, strength);
                    int g = mix((rgb >> 8) & 0xff, tg, strength);
                    int b = mix(rgb & 0xff, tb, strength);
                    rgb = r << 16 | g << 8 | b;
                }
                out.setRGB(x, y, rgb & 0xffffff);
            }
        }
        return PreviewRenderer.png(out);
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        BufferedImage out = new BufferedImage(width, height,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw ProviderException.of(ProviderId.LOCAL, ProviderErrorKind.BAD_REQUEST,
                        "The offline preview cannot read this image (it decodes PNG and JPEG, not WebP)", null, 0,
                        Duration.ZERO);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int mix(int from, int to, double strength) {
        return clamp((int) Math.round(from + (to - from) * strength));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
