package dev.atelier.common.embedded;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntPredicate;

/**
 * Whether Atelier starts its own PostgreSQL and Redis, decided before the application boots: {@code ATELIER_EMBEDDED}
 * ({@code atelier.embedded}) is {@code never}, {@code always}, or {@code auto} (the default) - a server is embedded
 * when neither its URL nor Quarkus' own settings for it are given and nothing answers on its usual local port.
 *
 * @param postgres whether to start an embedded PostgreSQL
 * @param redis    whether to start an embedded Redis
 * @param mode     the mode it was decided in
 */
public record EmbeddedPlan(boolean postgres, boolean redis, String mode) {

    public static final int POSTGRES_PORT = 5432;
    public static final int REDIS_PORT = 6379;

    public boolean any() {
        return postgres || redis;
    }

    /**
     * The plan for this environment; {@code answers} tells whether something listens on a localhost port (asked only
     * in {@code auto} mode, and only for a server nothing configures).
     */
    public static EmbeddedPlan decide(Map<String, String> env, Properties system, IntPredicate answers) {
        return decide(env, system, Map.of(), answers);
    }

    /**
     * The same, also reading {@code files}: what the application's own configuration files in its working folder
     * set ({@code .env}, {@code config/application.properties}), which configure a server as surely as the
     * environment does.
     */
    public static EmbeddedPlan decide(Map<String, String> env, Properties system, Map<String, String> files,
            IntPredicate answers) {
        Properties all = new Properties();
        all.putAll(files);
        all.putAll(system);
        return decideFrom(env, all, answers);
    }

    private static EmbeddedPlan decideFrom(Map<String, String> env, Properties system, IntPredicate answers) {
        String mode = setting(env, system, "ATELIER_EMBEDDED", "atelier.embedded");
        mode = mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "never", "false", "off" -> new EmbeddedPlan(false, false, "never");
            case "always", "true", "on" -> new EmbeddedPlan(true, true, "always");
            default -> new EmbeddedPlan(
                    !configured(env, system, "DATABASE_URL", "QUARKUS_DATASOURCE_REACTIVE_URL",
                            "QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url")
                            && !answers.test(POSTGRES_PORT),
                    !configured(env, system, "REDIS_URL", "QUARKUS_REDIS_HOSTS", "quarkus.redis.hosts")
                            && !answers.test(REDIS_PORT),
                    "auto");
        };
    }

    private static boolean configured(Map<String, String> env, Properties system, String... names) {
        for (String name : names) {
            String value = setting(env, system, name, name);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** A system property wins over the environment, as in the application's configuration. */
    static String setting(Map<String, String> env, Properties system, String envName, String property) {
        String value = system.getProperty(property);
        if (value == null) {
            value = system.getProperty(envName);
        }
        return value != null ? value : env.get(envName);
    }
}
