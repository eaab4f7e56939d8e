package dev.atelier.common.image;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * What an image file says about itself before any pixel is decoded: its format from the signature (PNG, JPEG or
 * WebP - never from a file name or a declared type) and its dimensions from the header (PNG's IHDR, JPEG's first
 * start-of-frame marker, WebP's VP8/VP8L/VP8X chunk). Reading it costs a few dozen bytes, so a decompression bomb is
 * refused before it is inflated.
 */
public record ImageHeader(String mimeType, int width, int height, int bitsPerPixel) {

    /** A header whose depth is not known: 32 bits per pixel (RGBA, 8 bits each) is assumed. */
    public ImageHeader(String mimeType, int width, int height) {
        this(mimeType, width, height, 32);
    }

    /** Why bytes are not a readable image header; the message is safe to show the caller. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The memory a full decode takes, about: pixels times bytes per pixel. */
    public long decodedBytes() {
        return pixels() * Math.max(1, (bitsPerPixel + 7) / 8);
    }

    /** The header of {@code bytes}, or {@link Unreadable} saying what they are instead. */
    public static ImageHeader read(byte[] bytes) throws Unreadable {
        if (bytes == null || bytes.length < 16) {
            throw new Unreadable("an empty or truncated image");
        }
        String mime = sniff(bytes);
        if (mime == null) {
            throw new Unreadable("data that is not a PNG, JPEG or WebP image");
        }
        ImageHeader header = switch (mime) {
            case "image/png" -> png(bytes);
            case "image/jpeg" -> jpeg(bytes);
            default -> webp(bytes);
        };
        if (header.width() <= 0 || header.height() <= 0) {
            throw new Unreadable("a " + mime + " image without dimensions");
        }
        return header;
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

    /**
     * IHDR is the first chunk: width and height are big-endian at offsets 16 and 20, then the bit depth and the
     * colour type (which give the bits per pixel: grey 1, grey+alpha 2, RGB 3, palette 1, RGBA 4 channels).
     */
    private static ImageHeader png(byte[] b) throws Unreadable {
        if (b.length < 33 || !"IHDR".equals(new String(b, 12, 4, StandardCharsets.US_ASCII))) {
            throw new Unreadable("a PNG image without its IHDR header");
        }
        int depth = b[24] & 0xff;
        int channels = switch (b[25] & 0xff) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            case 6 -> 4;
            default -> throw new Unreadable("a PNG image of an unknown colour type");
        };
        return new ImageHeader("image/png", int32(b, 16), int32(b, 20), Math.max(8, depth) * channels);
    }

    /** Walks the marker segments up to the first start-of-frame (SOF0-SOF15 but DHT, JPG and DAC). */
    private static ImageHeader jpeg(byte[] b) throws Unreadable {
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xff) != 0xff) {
                throw new Unreadable("a JPEG image with a broken marker");
            }
            int marker = b[at + 1] & 0xff;
            if (marker == 0xff) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2; // a marker without a length
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                break; // end of image or start of scan before any frame header
            }
            int length = (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
            if (length < 2) {
                throw new Unreadable("a JPEG image with a broken segment");
            }
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                if (at + 9 > b.length) {
                    break;
                }
                int precision = b[at + 4] & 0xff;
                int height = (b[at + 5] & 0xff) << 8 | (b[at + 6] & 0xff);
                int width = (b[at + 7] & 0xff) << 8 | (b[at + 8] & 0xff);
                int components = at + 9 < b.length ? b[at + 9] & 0xff : 3;
                return new ImageHeader("image/jpeg", width, height, Math.max(8, precision) * Math.max(1, components));
            }
            at += 2 + length;
        }
        throw new Unreadable("a JPEG image without a frame header");
    }

    /** Width and height from a VP8, VP8L or VP8X header; the RIFF size must fit the bytes. */
    private static ImageHeader webp(byte[] b) throws Unreadable {
        if (b.length < 30) {
            throw new Unreadable("a truncated WebP image");
        }
        if (riffSize(b) + 8 > b.length) {
            throw new Unreadable("a truncated WebP image");
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> {
                if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
                    throw new Unreadable("a WebP image with a broken VP8 header");
                }
                yield new ImageHeader("image/webp", ((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff,
                        ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff);
            }
            case "VP8L" -> {
                if ((b[20] & 0xff) != 0x2f) {
                    throw new Unreadable("a WebP image with a broken VP8L header");
                }
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                yield new ImageHeader("image/webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
            }
            case "VP8X" -> new ImageHeader("image/webp",
                    1 + ((b[24] & 0xff) | (b[25] & 0xff) << 8 | (b[26] & 0xff) << 16),
                    1 + ((b[27] & 0xff) | (b[28] & 0xff) << 8 | (b[29] & 0xff) << 16));
            default -> throw new Unreadable("a WebP image of an unknown kind");
        };
    }

    /**
     * Whether the bytes are a whole file of their type, checked without decoding a pixel: a PNG is a chain of whole
     * chunks, each with a right CRC, no critical chunk PNG does not define, ending with IEND at the end of the file;
     * a JPEG ends with its end-of-image marker (trailing zero padding allowed); a WebP is {@link #completeWebp}.
     */
    public static boolean complete(byte[] b, String mimeType) {
        int end = b.length;
        if (mimeType.equals("image/png")) {
            return pngChunks(b);
        }
        if (mimeType.equals("image/webp")) {
            return completeWebp(b);
        }
        while (end > 2 && b[end - 1] == 0) {
            end--;
        }
        return end >= 4 && (b[end - 2] & 0xff) == 0xff && (b[end - 1] & 0xff) == 0xd9;
    }

    private static final Set<String> CRITICAL = Set.of("IHDR", "PLTE", "IDAT", "IEND");

    private static boolean pngChunks(byte[] b) {
        int at = 8;
        CRC32 crc = new CRC32();
        while (at + 12 <= b.length) {
            long length = Integer.toUnsignedLong((b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16
                    | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff));
            if (at + 12 + length > b.length) {
                return false;
            }
            String type = new String(b, at + 4, 4, StandardCharsets.US_ASCII);
            if (Character.isUpperCase(type.charAt(0)) && !CRITICAL.contains(type)) {
                return false; // a critical chunk no decoder knows
            }
            crc.reset();
            crc.update(b, at + 4, (int) length + 4);
            int stored = (b[at + 8 + (int) length] & 0xff) << 24 | (b[at + 9 + (int) length] & 0xff) << 16
                    | (b[at + 10 + (int) length] & 0xff) << 8 | (b[at + 11 + (int) length] & 0xff);
            if ((int) crc.getValue() != stored) {
                return false;
            }
            at += 12 + (int) length;
            if (type.equals("IEND")) {
                return at == b.length;
            }
        }
        return false;
    }

    static long riffSize(byte[] b) {
        return Integer.toUnsignedLong((b[4] & 0xff) | (b[5] & 0xff) << 8 | (b[6] & 0xff) << 16 | (b[7] & 0xff) << 24);
    }

    /**
     * Whether a WebP file's container is whole and exact: its RIFF size is the file's (a padding byte allowed), its
     * chunks fill it exactly, and it holds image data (a VP8 or VP8L chunk, or for an animation ANMF frames). The
     * JDK cannot decode WebP, so this is what a WebP upload is checked against; the pixel data itself is not decoded.
     */
    public static boolean completeWebp(byte[] b) {
        if (b.length < 30) {
            return false;
        }
        long riff = riffSize(b);
        if (riff + 8 != b.length && riff + 9 != b.length) {
            return false;
        }
        long end = riff + 8;
        long at = 12;
        boolean image = false;
        while (at + 8 <= end) {
            String type = new String(b, (int) at, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong((b[(int) at + 4] & 0xff) | (b[(int) at + 5] & 0xff) << 8
                    | (b[(int) at + 6] & 0xff) << 16 | (b[(int) at + 7] & 0xff) << 24);
            long next = at + 8 + size + (size & 1);
            if (next > end + 1) {
                return false;
            }
            if (type.equals("VP8 ") || type.equals("VP8L") || type.equals("ANMF")) {
                image = image || size >= 5;
            }
            at = next;
        }
        return image && at >= end;
    }

    private static int int32(byte[] b, int at) throws Unreadable {
        long value = (long) (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
        if (value > Integer.MAX_VALUE) {
            throw new Unreadable("a PNG image with impossible dimensions");
        }
        return (int) value;
    }
}
