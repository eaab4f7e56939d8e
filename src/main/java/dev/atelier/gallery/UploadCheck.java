package dev.atelier.gallery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.image.ImageHeader;

/**
 * Decides whether bytes a user sent are an image Atelier keeps: PNG, JPEG or WebP by their signature (never by the
 * file name or the declared type), within the size and pixel limits by their header - so a decompression bomb is
 * refused before a pixel is inflated - and, for PNG and JPEG, decoding completely (a truncated or corrupt file is
 * refused). The JDK cannot decode WebP: its header is checked, and its RIFF length against the bytes. Decodes run
 * a few at a time ({@link UploadConfig#concurrentDecodes()}); call from a worker thread.
 */
@ApplicationScoped
public class UploadCheck {

    private final UploadConfig config;
    private final Semaphore decodes;

    UploadCheck(UploadConfig config) {
        this.config = config;
        this.decodes = new Semaphore(Math.max(1, config.concurrentDecodes()));
    }

    /** The image's header when the bytes are acceptable; {@link UploadRefused} otherwise. */
    public ImageHeader check(byte[] bytes) {
        tooLarge(bytes.length);
        ImageHeader header;
        try {
            header = ImageHeader.read(bytes);
        } catch (ImageHeader.Unreadable e) {
            throw new UploadRefused(415, "The file is " + e.getMessage() + "; upload a PNG, JPEG or WebP image");
        }
        if (header.pixels() > config.maxPixels()) {
            throw new UploadRefused(413, "The image is " + header.width() + "x" + header.height() + " ("
                    + megapixels(header.pixels()) + " megapixels); at most " + megapixels(config.maxPixels())
                    + " megapixels are accepted");
        }
        if (header.decodedBytes() > config.maxPixels() * 4) {
            throw new UploadRefused(413, "The image is " + header.width() + "x" + header.height() + " at "
                    + header.bitsPerPixel() + " bits per pixel: decoding it would take " + megabytes(header.decodedBytes())
                    + " MB, more than an image of " + megapixels(config.maxPixels()) + " megapixels at 8 bits per "
                    + "channel; save it with 8 bits per channel or fewer pixels");
        }
        if (header.mimeType().equals("image/webp")) {
            if (!ImageHeader.completeWebp(bytes)) {
                throw corrupt(header);
            }
        } else {
            decodes(bytes, header);
        }
        return header;
    }

    /** Refuses a file over the byte limit (also before it is read, from its declared length). */
    public void tooLarge(long size) {
        if (size > config.maxBytes()) {
            throw new UploadRefused(413, "The file is " + megabytes(size) + " MB; at most " + megabytes(config.maxBytes())
                    + " MB are accepted");
        }
    }

    private void decodes(byte[] bytes, ImageHeader header) {
        if (!ImageHeader.complete(bytes, header.mimeType())) {
            throw corrupt(header);
        }
        decodes.acquireUninterruptibly();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw corrupt(header);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // the JPEG reader reports a cut-off file as a warning and paints the rest grey
                reader.addIIOReadWarningListener((source, warning) -> {
                    throw corrupt(header);
                });
                if (reader.getWidth(0) != header.width() || reader.getHeight(0) != header.height()) {
                    throw corrupt(header);
                }
                reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRefused refused) {
                throw refused;
            }
            throw corrupt(header);
        } finally {
            decodes.release();
        }
    }

    private static UploadRefused corrupt(ImageHeader header) {
        String format = header.mimeType().substring("image/".length()).toUpperCase(Locale.ROOT);
        return new UploadRefused(400, "The " + format + " image is corrupt or truncated; nothing was stored");
    }

    private static String megapixels(long pixels) {
        return String.format(Locale.ROOT, "%.2f", pixels / 1_000_000.0).replaceAll("\\.?0+$", "");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_048_576.0);
    }
}
