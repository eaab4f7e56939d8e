package dev.atelier.provider;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageIO;

/**
 * Checks image bytes before anything is stored: the signature must be PNG, JPEG or WebP, and the image must decode
 * (PNG, JPEG) or carry a well-formed header (WebP, which the JDK cannot decode). Garbage becomes a RETRYABLE
 * provider error, never a stored image.
 */
public final class ImageBytes {

    private ImageBytes() {
    }

    /** A checked image: its MIME type and real dimensions. */
    public record Checked(String mimeType, int width, int height) {
    }

    public static Checked check(ProviderId provider, byte[] bytes) {
        if (bytes == null || bytes.length < 16) {
            throw unreadable(provider, "an empty or truncated image");
        }
        String mime = sniff(bytes);
        if (mime == null) {
            throw unreadable(provider, "data that is not a PNG, JPEG or WebP image");
        }
        if (mime.equals("image/webp")) {
            return webp(provider, bytes);
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                throw unreadable(provider, "an image that does not decode");
            }
            return new Checked(mime, image.getWidth(), image.getHeight());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProviderException p) {
                throw p;
            }
            throw unreadable(provider, "a corrupt or truncated " + mime + " image");
        }
    }

    /** The MIME type from the file signature, or null. */
    public static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0d && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** Reads width and height from a VP8, VP8L or VP8X header. */
    private static Checked webp(ProviderId provider, byte[] b) {
        if (b.length < 30) {
            throw unreadable(provider, "a truncated WebP image");
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        int width;
        int height;
        switch (chunk) {
            case "VP8 " -> {
                if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
                    throw unreadable(provider, "a WebP image with a broken VP8 header");
                }
                width = ((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff;
                height = ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff;
            }
            case "VP8L" -> {
                if ((b[20] & 0xff) != 0x2f) {
                    throw unreadable(provider, "a WebP image with a broken VP8L header");
                }
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                width = (bits & 0x3fff) + 1;
                height = ((bits >> 14) & 0x3fff) + 1;
            }
            case "VP8X" -> {
                width = 1 + ((b[24] & 0xff) | (b[25] & 0xff) << 8 | (b[26] & 0xff) << 16);
                height = 1 + ((b[27] & 0xff) | (b[28] & 0xff) << 8 | (b[29] & 0xff) << 16);
            }
            default -> throw unreadable(provider, "a WebP image of an unknown kind");
        }
        if (width <= 0 || height <= 0) {
            throw unreadable(provider, "a WebP image without dimensions");
        }
        return new Checked("image/webp", width, height);
    }

    private static ProviderException unreadable(ProviderId provider, String what) {
        return ProviderException.of(provider, ProviderErrorKind.RETRYABLE,
                provider + " returned " + what, null, 0, Duration.ZERO);
    }
}
