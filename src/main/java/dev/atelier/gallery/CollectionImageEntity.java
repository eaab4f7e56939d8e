package dev.atelier.gallery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Membership of an image in a collection, with its position for ordering. */
@Entity
@Table(name = "collection_images")
public class CollectionImageEntity extends PanacheEntityBase {

    @EmbeddedId
    public CollectionImageId id;

    @Column(nullable = false)
    public int position;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
