package dev.atelier.provider.local;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;


/**
 * Draws a real PNG preview from (prompt, scene, seed, size), with no network and no model: a palette from the
 * prompt's colour words and the scene, a composition by scene, and every random choice fixed by the seed
 * and the prompt. Same inputs, byte-identical output. The PNG says what it is in its Software text chunk.
 */
public final class PreviewRenderer {

    public static final String SOFTWARE = "Atelier LOCAL preview renderer";

    public byte[] render(String prompt, PreviewScene scene, long seed, int width, int height) {
        Random random = new Random(seed * 31 + prompt.hashCode());
        List<Color> palette = PreviewPalette.of(prompt, scene);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            background(g, palette, random, width, height);
            switch (scene) {
                case LANDSCAPE -> landscape(g, palette, random, width, height);
                case PORTRAIT -> portrait(g, palette, random, width, height);
                case ANIMAL -> animal(g, palette, random, width, height);
                case FOOD -> food(g, palette, random, width, height);
                case PRODUCT -> product(g, palette, random, width, height);
                case ARCHITECTURE -> architecture(g, palette, random, width, height);
                case ABSTRACT -> abstractForms(g, palette, random, width, height);
                case ART -> strokes(g, palette, random, width, height);
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static Color pick(List<Color> palette, Random random) {
        return palette.get(random.nextInt(palette.size()));
    }

    private static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    private static void background(Graphics2D g, List<Color> p, Random r, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, p.get(0), w * r.nextFloat(), h, pick(p, r).darker()));
        g.fillRect(0, 0, w, h);
    }

    private static void landscape(Graphics2D g, List<Color> p, Random r, int w, int h) {
        int horizon = (int) (h * (0.5 + 0.2 * r.nextDouble()));
        g.setColor(alpha(pick(p, r).brighter(), 220));
        int sun = (int) (Math.min(w, h) * (0.08 + 0.08 * r.nextDouble()));
        g.fill(new Ellipse2D.Double(w * (0.15 + 0.7 * r.nextDouble()), horizon * 0.3, sun * 2, sun * 2));
        for (int layer = 0; layer < 3; layer++) {
            Path2D ridge = new Path2D.Double();
            ridge.moveTo(0, h);
            int peaks = 3 + r.nextInt(4);
            for (int i = 0; i <= peaks; i++) {
                ridge.lineTo(w * i / (double) peaks, horizon - (h * 0.25 * r.nextDouble()) + layer * h * 0.08);
            }
            ridge.lineTo(w, h);
            ridge.closePath();
            g.setColor(alpha(pick(p, r).darker(), 170 + layer * 25));
            g.fill(ridge);
        }
    }

    private static void portrait(Graphics2D g, List<Color> p, Random r, int w, int h) {
        double cx = w / 2.0 + (r.nextDouble() - 0.5) * w * 0.1;
        double head = Math.min(w, h) * 0.22;
        g.setColor(pick(p, r).darker());
        g.fill(new RoundRectangle2D.Double(cx - head * 1.6, h * 0.62, head * 3.2, h * 0.5, head, head));
        g.setColor(p.get(0));
        g.fill(new Ellipse2D.Double(cx - head / 2 * 1.6, h * 0.22, head * 1.6, head * 2));
    }

    private static void animal(Graphics2D g, List<Color> p, Random r, int w, int h) {
        Color fur = pick(p, r);
        double s = Math.min(w, h);
        double cx = w * (0.4 + 0.2 * r.nextDouble());
        double cy = h * 0.62;
        g.setColor(fur);
        g.fill(new Ellipse2D.Double(cx - s * 0.25, cy - s * 0.12, s * 0.5, s * 0.3));
        double hx = cx + s * 0.18;
        double hy = cy - s * 0.22;
        g.fill(new Ellipse2D.Double(hx - s * 0.1, hy - s * 0.1, s * 0.2, s * 0.2));
        Path2D ears = new Path2D.Double();
        ears.moveTo(hx - s * 0.09, hy - s * 0.05);
        ears.lineTo(hx - s * 0.06, hy - s * 0.17);
        ears.lineTo(hx - s * 0.02, hy - s * 0.08);
        ears.moveTo(hx + s * 0.02, hy - s * 0.08);
        ears.lineTo(hx + s * 0.06, hy - s * 0.17);
        ears.lineTo(hx + s * 0.09, hy - s * 0.05);
        g.fill(ears);
        g.setColor(fur.darker().darker());
        g.fill(new Ellipse2D.Double(hx - s * 0.05, hy - s * 0.03, s * 0.025, s * 0.025));
        g.fill(new Ellipse2D.Double(hx + s * 0.025, hy - s * 0.03, s * 0.025, s * 0.025));
    }

    private static void food(Graphics2D g, List<Color> p, Random r, int w, int h) {
        double s = Math.min(w, h) * 0.7;
        g.setColor(new Color(0xF8, 0xF8, 0xF6));
        g.fill(new Ellipse2D.Double((w - s) / 2, (h - s) / 2, s, s));
        int items = 3 + r.nextInt(5);
        for (int i = 0; i < items; i++) {
            double d = s * (0.12 + 0.15 * r.nextDouble());
            double a = r.nextDouble() * Math.PI * 2;
            double rad = s * 0.22 * r.nextDouble();
            g.setColor(pick(p, r));
            g.fill(new Ellipse2D.Double(w / 2.0 + Math.cos(a) * rad - d / 2, h / 2.0 + Math.sin(a) * rad - d / 2, d, d));
        }
    }

    private static void product(Graphics2D g, List<Color> p, Random r, int w, int h) {
        double pw = w * (0.25 + 0.15 * r.nextDouble());
        double ph = h * (0.35 + 0.2 * r.nextDouble());
        g.setColor(new Color(0, 0, 0, 50));
        g.fill(new Ellipse2D.Double((w - pw * 1.2) / 2, (h + ph) / 2 - ph * 0.05, pw * 1.2, ph * 0.12));
        g.setPaint(new GradientPaint(0, (float) ((h - ph) / 2), pick(p, r), 0, (float) ((h + ph) / 2), pick(p, r).darker()));
        g.fill(new RoundRectangle2D.Double((w - pw) / 2, (h - ph) / 2, pw, ph, pw * 0.2, pw * 0.2));
    }

    private static void architecture(Graphics2D g, List<Color> p, Random r, int w, int h) {
        int buildings = 3 + r.nextInt(4);
        double x = 0;
        for (int i = 0; i < buildings && x < w; i++) {
            double bw = w / (double) buildings * (0.7 + 0.5 * r.nextDouble());
            double bh = h * (0.3 + 0.5 * r.nextDouble());
            g.setColor(pick(p, r).darker());
            g.fill(new Rectangle2D.Double(x, h - bh, bw, bh));
            g.setColor(alpha(new Color(0xFF, 0xE8, 0xA0), 200));
            for (double wy = h - bh + 12; wy < h - 16; wy += 24) {
                for (double wx = x + 8; wx < x + bw - 14; wx += 20) {
                    if (r.nextInt(3) > 0) {
                        g.fill(new Rectangle2D.Double(wx, wy, 8, 12));
                    }
                }
            }
            x += bw;
        }
    }

    private static void abstractForms(Graphics2D g, List<Color> p, Random r, int w, int h) {
        for (int i = 0; i < 14; i++) {
            g.setColor(alpha(pick(p, r), 90 + r.nextInt(120)));
            Path2D form = new Path2D.Double();
            form.moveTo(w * r.nextDouble(), h * r.nextDouble());
            form.curveTo(w * r.nextDouble(), h * r.nextDouble(), w * r.nextDouble(), h * r.nextDouble(),
                    w * r.nextDouble(), h * r.nextDouble());
            form.closePath();
            g.fill(form);
        }
    }

    private static void strokes(Graphics2D g, List<Color> p, Random r, int w, int h) {
        for (int i = 0; i < 40; i++) {
            g.setColor(alpha(pick(p, r), 120 + r.nextInt(100)));
            g.setStroke(new BasicStroke(4 + r.nextInt(Math.max(5, Math.min(w, h) / 25)), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            Path2D stroke = new Path2D.Double();
            stroke.moveTo(w * r.nextDouble(), h * r.nextDouble());
            stroke.quadTo(w * r.nextDouble(), h * r.nextDouble(), w * r.nextDouble(), h * r.nextDouble());
            g.draw(stroke);
        }
    }

    /** The image as a PNG labelled with its maker ({@link #SOFTWARE} in a tEXt "Software" entry). */
    static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", "Software");
            entry.setAttribute("value", SOFTWARE);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(text);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
