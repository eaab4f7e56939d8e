package dev.atelier.user;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.atelier.common.config.CommaSeparatedSetConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A person using Atelier, identified by the issuer and subject of their token (or the built-in local user). */
@Entity
@Table(name = "users")
public class UserEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The token's issuer ({@code iss}); {@code urn:atelier:local} for the local user; '' for rows not seen since V3. */
    @Column(nullable = false)
    public String issuer = "";

    /** The identity provider's stable subject ({@code sub} claim), unique per issuer; "local" in local mode. */
    @Column(nullable = false)
    public String subject;

    public String email;

    @Column(name = "display_name")
    public String displayName;

    @Convert(converter = CommaSeparatedSetConverter.class)
    @Column(nullable = false)
    public Set<String> roles = new LinkedHashSet<>(Set.of("user"));

    /** Per-user daily spending limit in USD; {@code null} means the configured default. */
    @Column(name = "daily_budget", precision = 12, scale = 6)
    public BigDecimal dailyBudget;

    /** Per-user monthly spending limit in USD; {@code null} means the configured default. */
    @Column(name = "monthly_budget", precision = 12, scale = 6)
    public BigDecimal monthlyBudget;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
