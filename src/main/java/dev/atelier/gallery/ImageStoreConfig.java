package dev.atelier.gallery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Image storage. */
@ConfigMapping(prefix = "atelier.images")
public interface ImageStoreConfig {

    /** Directory of the filesystem store (a volume in Kubernetes). */
    @WithDefault("data/images")
    String root();
}
