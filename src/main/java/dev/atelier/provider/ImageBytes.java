package dev.atelier.provider;

import java.time.Duration;

import dev.atelier.common.image.ImageHeader;

/**
 * Checks a vendor's image bytes before anything is stored, reading only what that needs: the signature must be
 * PNG, JPEG or WebP, the header must carry the dimensions ({@link ImageHeader}), and the file must be whole (PNG:
 * every chunk's CRC and IEND last; JPEG: its end marker; WebP: its container) - no pixel is decoded, so a
 * multi-megabyte answer costs a CRC pass, not a decode. Garbage becomes a RETRYABLE provider error, never a stored
 * image. (Uploads, which come from users, are also decoded: gallery's UploadCheck.)
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
        if (!ImageHeader.complete(bytes, header.mimeType())) {
            throw unreadable(provider, "a corrupt or truncated " + header.mimeType() + " image");
        }
        return new Checked(header.mimeType(), header.width(), header.height());
    }

    private static ProviderException unreadable(ProviderId provider, String what) {
        return ProviderException.of(provider, ProviderErrorKind.RETRYABLE,
                provider + " returned " + what, null, 0, Duration.ZERO);
    }
}
