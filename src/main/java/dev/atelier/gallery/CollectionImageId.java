package dev.atelier.gallery;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Composite key of {@link CollectionImageEntity}: an image appears at most once per collection. */
@Embeddable
public record CollectionImageId(
        @Column(name = "collection_id") UUID collectionId,
        @Column(name = "image_id") UUID imageId) implements Serializable {
}
