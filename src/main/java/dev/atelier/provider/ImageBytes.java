package dev.atelier.provider;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import dev.atelier.common.image.ImageHeader;

/**
 * Checks image bytes before anything is stored: the signature must be PNG, JPEG or WebP, the header must carry
 * the dimensions ({@link ImageHeader}), and the image must decode (PNG, JPEG; the JDK cannot decode WebP). Garbage
 * becomes a RETRYABLE provider error, never a stored image.
 */
public final class ImageBytes {

    private ImageBytes() {
    }

    /** A checked image: its MIME type and real dimensions. */
    public record Checked(String mimeType, int width, int height) {
    }

    public static Checked check(ProviderId provider, byte[] bytes) {
        ImageHeader header;
        try {
            header = ImageHeader.read(bytes);
        } catch (ImageHeader.Unreadable e) {
            throw unreadable(provider, e.getMessage());
        }
        if (header.mimeType().equals("image/webp")) {
            return new Checked(header.mimeType(), header.width(), header.height());
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                throw unreadable(provider, "an image that does not decode");
            }
            return new Checked(header.mimeType(), image.getWidth(), image.getHeight());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProviderException p) {
                throw p;
            }
            throw unreadable(provider, "a corrupt or truncated " + header.mimeType() + " image");
        }
    }

    private static ProviderException unreadable(ProviderId provider, String what) {
        return ProviderException.of(provider, ProviderErrorKind.RETRYABLE,
                provider + " returned " + what, null, 0, Duration.ZERO);
    }
}
