package dev.atelier.common.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds every Redis key Atelier uses, under one configurable prefix, so that several installations (or a test
 * run and a dev instance) can share one Redis without touching each other's keys.
 */
@ApplicationScoped
public class RedisKeys {

    private final String prefix;

    RedisKeys(@ConfigProperty(name = "atelier.redis.key-prefix", defaultValue = "atelier:") String prefix) {
        this.prefix = prefix;
    }

    /** {@code prefix + parts joined by ':'}, e.g. {@code atelier:cache:enhance:ab12}. */
    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /** The prefix itself, for SCAN patterns. */
    public String prefix() {
        return prefix;
    }
}
