package dev.atelier.gallery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Image storage. */
@ConfigMapping(prefix = "atelier.images")
public interface ImageStoreConfig {

    /** Directory of the filesystem store (a volume in Kubernetes). */
    @WithDefault("data/images")
    String root();

    /**
     * Whether PUBLIC collections (and UNLISTED ones, by id) and their images can be read without signing in, in
     * OIDC mode. Off by default: readers must be signed in.
     */
    @WithDefault("false")
    boolean anonymousSharedRead();
}
