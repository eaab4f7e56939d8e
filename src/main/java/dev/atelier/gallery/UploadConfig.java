package dev.atelier.gallery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on images users upload (edit sources, masks, references). */
@ConfigMapping(prefix = "atelier.uploads")
public interface UploadConfig {

    /** The largest file, in bytes ({@code ATELIER_UPLOADS_MAX_BYTES}; default 25 MB). */
    @WithDefault("26214400")
    long maxBytes();

    /** The most pixels an image may have ({@code ATELIER_UPLOADS_MAX_PIXELS}; default 40 megapixels). */
    @WithDefault("40000000")
    long maxPixels();

    /** How many uploads are decoded at once (a 40-megapixel image takes about 160 MB while it is checked). */
    @WithDefault("2")
    int concurrentDecodes();
}
