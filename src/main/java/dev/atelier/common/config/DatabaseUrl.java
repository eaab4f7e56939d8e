package dev.atelier.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PostgreSQL connection URL in libpq form ({@code postgresql://user:pass@host:port/db?sslmode=require}),
 * as platforms such as Heroku, Render or Kubernetes operators hand it out in {@code DATABASE_URL}.
 * Translates it into the two forms Quarkus needs: the reactive (Vert.x) URL and the JDBC URL for Flyway.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password,
        Map<String, String> parameters) {

    private static final int DEFAULT_PORT = 5432;

    /**
     * Parses {@code postgresql://} or {@code postgres://} URLs; user, password, port and database are optional.
     *
     * @throws IllegalArgumentException with a message that never repeats the password
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL (expected postgresql://user:pass@host:port/db)");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equalsIgnoreCase(scheme) && !"postgres".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// or postgres://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host (expected postgresql://user:pass@host:port/db)");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? "postgres" : decode(path.substring(1));
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new DatabaseUrl(uri.getHost(), port, database, user, password, Map.copyOf(params));
    }

    /** The Vert.x reactive client URL, with {@code search_path} set to the given schema when not blank. */
    public String reactiveUrl(String schema) {
        Map<String, String> params = new LinkedHashMap<>(parameters);
        if (schema != null && !schema.isBlank()) {
            params.putIfAbsent("search_path", schema);
        }
        return "postgresql://" + host + ":" + port + "/" + database + query(params);
    }

    /** The JDBC URL (credentials are passed separately, never inside the URL). */
    public String jdbcUrl() {
        Map<String, String> params = new LinkedHashMap<>(parameters);
        params.remove("search_path");
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + query(params);
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + host + ":" + port + "/" + database + ", user=" + username + "]";
    }
}
