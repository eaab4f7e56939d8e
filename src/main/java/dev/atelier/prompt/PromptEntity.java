package dev.atelier.prompt;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One enhancement the user asked for: their input, what it became, and each provider's variant. */
@Entity
@Table(name = "prompts")
public class PromptEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String input;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(name = "category_confidence")
    public Double categoryConfidence;

    /** Style preferences as given (lighting, mood, medium, palette, composition, camera). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> style = new LinkedHashMap<>();

    @Column(nullable = false)
    public String enhanced;

    @Column(name = "negative_prompt")
    public String negativePrompt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public StoredVariants variants = StoredVariants.of(List.of());

    /** TEMPLATE or LLM. */
    @Column(nullable = false)
    public String engine;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
