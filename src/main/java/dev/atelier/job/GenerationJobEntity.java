package dev.atelier.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.atelier.provider.ProviderId;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A durable image generation request; the row is the truth, the queue entry only a pointer to it. */
@Entity
@Table(name = "generation_jobs")
public class GenerationJobEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "prompt_id")
    public UUID promptId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status = JobStatus.QUEUED;

    public String stage;

    /** 0..1, never decreasing. */
    @Column(nullable = false)
    public double progress;

    /** The validated request as the caller gave it (prompt, size, quality, provider, budget, ...). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> request = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    public ProviderId provider;

    public String model;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JobAttempts attempts = JobAttempts.of(List.of());

    @Column(name = "estimated_cost", precision = 12, scale = 6)
    public BigDecimal estimatedCost;

    @Column(name = "actual_cost", precision = 12, scale = 6)
    public BigDecimal actualCost;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
