package dev.atelier.common.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Honours {@code DATABASE_URL} (libpq URL form) in every profile: when it is set - as an environment variable, a
 * system property, in {@code .env} or as {@code %profile.DATABASE_URL} - the reactive URL, the JDBC URL (Flyway),
 * the user name and the password of the default datasource are derived from it. The derived values sit at
 * ordinal {@value #ORDINAL}: above {@code application.properties} (250), below environment variables (300), so an
 * explicit {@code QUARKUS_DATASOURCE_*} variable still wins.
 */
public class DatabaseUrlConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue databaseUrl = context.getValue("DATABASE_URL");
        if (databaseUrl == null || databaseUrl.getValue() == null || databaseUrl.getValue().isBlank()) {
            return List.of();
        }
        ConfigValue schema = context.getValue("atelier.db.schema");
        return List.of(new PropertiesConfigSource(derive(databaseUrl.getValue(), schema == null ? null : schema.getValue()),
                "DATABASE_URL", ORDINAL));
    }

    /** The datasource properties a database URL stands for. */
    static Map<String, String> derive(String databaseUrl, String schema) {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.reactive.url", url.reactiveUrl(schema));
        properties.put("quarkus.datasource.jdbc.url", url.jdbcUrl());
        if (url.username() != null) {
            properties.put("quarkus.datasource.username", url.username());
        }
        // an empty password is what trust or peer authentication wants; never leave a stale default behind
        properties.put("quarkus.datasource.password", url.password() == null ? "" : url.password());
        return properties;
    }
}
