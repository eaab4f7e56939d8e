package dev.atelier.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;

import javax.imageio.ImageIO;

/** Real image bytes for vendor fakes. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return encode(width, height, "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(width, height, "jpg");
    }

    /**
     * A PNG the size of a real generation's: smooth gradients under fine noise, so it compresses about as badly as a
     * photograph does (1024x1024 is 2-3 MB), deterministic by {@code seed}.
     */
    public static byte[] realistic(int width, int height, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = Math.min(255, Math.max(0, (x * 255 / width) + random.nextInt(24) - 12));
                int g = Math.min(255, Math.max(0, (y * 255 / height) + random.nextInt(24) - 12));
                int b = Math.min(255, Math.max(0, 128 + (int) (60 * Math.sin((x + y) / 40.0)) + random.nextInt(24) - 12));
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return write(image, "png");
    }

    /** The smallest lossless WebP: 1x1 (a VP8L chunk of 13 bytes and its padding byte). */
    public static byte[] webp() {
        return java.util.HexFormat.of().parseHex("524946461a000000574542505650384c0d0000002f00000010071011118888fe0700");
    }

    public static String pngBase64(int width, int height) {
        return Base64.getEncoder().encodeToString(png(width, height));
    }

    /** The first half of a PNG: the signature is right, the data is cut off. */
    public static byte[] truncatedPng() {
        byte[] png = png(64, 64);
        return Arrays.copyOf(png, png.length / 2);
    }

    /**
     * A decompression bomb: a well-formed PNG whose header claims {@code width} x {@code height} pixels of which it
     * carries a few bytes of data (a decoder would allocate the whole canvas before finding out).
     */
    public static byte[] pixelBomb(int width, int height) {
        byte[] small = png(1, 1);
        byte[] bomb = small.clone();
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(width).putInt(height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bomb, 12, 17);
        java.nio.ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());
        return bomb;
    }

    /**
     * A mask in the edit convention: opaque everywhere but a transparent rectangle (the area to repaint) from
     * ({@code x}, {@code y}), {@code w} x {@code h} pixels.
     */
    public static byte[] mask(int width, int height, int x, int y, int w, int h) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(x, y, w, h);
        g.dispose();
        return write(image, "png");
    }

    /** An RGB image with one colour, for checking what an edit changed. */
    public static byte[] solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return write(image, "png");
    }

    /** The pixels of PNG or JPEG bytes. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x33, 0x66, 0x99));
        g.fillRect(0, 0, width, height);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
