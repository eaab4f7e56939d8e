package dev.atelier.gallery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.atelier.provider.ProviderId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A generated image the service stored; the bytes live in the image store under {@link #storageKey}. */
@Entity
@Table(name = "images")
public class ImageEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "job_id")
    public UUID jobId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProviderId provider;

    public String model;

    @Column(name = "storage_key", nullable = false)
    public String storageKey;

    /** Hex SHA-256 of the stored bytes (content address). */
    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "mime_type", nullable = false)
    public String mimeType;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    public Long seed;

    @Column(precision = 12, scale = 6)
    public BigDecimal cost;

    @Column(name = "revised_prompt")
    public String revisedPrompt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
