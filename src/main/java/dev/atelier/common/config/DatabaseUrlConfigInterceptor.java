package dev.atelier.common.config;

import java.util.Set;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Honours {@code DATABASE_URL} (libpq URL form) in every profile: when it is set, the reactive URL, the JDBC URL
 * (Flyway), the user name and the password of the default datasource all come from it. A property set in a source
 * with a higher ordinal than the one {@code DATABASE_URL} came from (e.g. an explicit
 * {@code QUARKUS_DATASOURCE_USERNAME} environment variable next to a {@code DATABASE_URL} in {@code .env}) still wins.
 */
@Priority(2000)
public class DatabaseUrlConfigInterceptor implements ConfigSourceInterceptor {

    static final String DATABASE_URL = "DATABASE_URL";
    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";
    private static final Set<String> DERIVED = Set.of(REACTIVE_URL, JDBC_URL, USERNAME, PASSWORD);

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!DERIVED.contains(name)) {
            return context.proceed(name);
        }
        ConfigValue databaseUrl = context.proceed(DATABASE_URL);
        if (databaseUrl == null || databaseUrl.getValue() == null || databaseUrl.getValue().isBlank()) {
            return context.proceed(name);
        }
        ConfigValue explicit = context.proceed(name);
        if (explicit != null && explicit.getValue() != null
                && explicit.getConfigSourceOrdinal() > databaseUrl.getConfigSourceOrdinal()) {
            return explicit;
        }
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl.getValue());
        String derived = switch (name) {
            case REACTIVE_URL -> url.reactiveUrl(value(context.proceed("atelier.db.schema")));
            case JDBC_URL -> url.jdbcUrl();
            case USERNAME -> url.username();
            default -> url.password();
        };
        if (derived == null) {
            return explicit;
        }
        return databaseUrl.from().withName(name).withValue(derived).build();
    }

    private static String value(ConfigValue v) {
        return v == null ? null : v.getValue();
    }
}
