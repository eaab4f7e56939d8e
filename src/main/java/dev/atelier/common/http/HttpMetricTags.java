package dev.atelier.common.http;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * HTTP server metrics are labelled by route template only: {@code /images/{id}}, never an image id. A request that
 * fails before its route matches (a bad token, a path that does not exist) is folded into its route's template or
 * into one {@code UNMATCHED} value, so no caller can add series - or read ids - through {@code uri} labels.
 */
@Singleton
public class HttpMetricTags {

    static final String UNMATCHED = "UNMATCHED";
    private static final Set<String> TEMPLATES = Set.of("/", "/graphql", "/graphql/schema.graphql", "/images/{id}",
            "/v1/images/generations", "/ui-config.json", "NOT_FOUND", "REDIRECTION", "root");

    @Produces
    @Singleton
    MeterFilter foldUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                String uri = id.getTag("uri");
                if (uri == null) {
                    return id;
                }
                String folded = template(uri);
                if (folded.equals(uri)) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream().map(t -> t.getKey().equals("uri") ? Tag.of("uri", folded) : t)
                        .toList();
                return id.replaceTags(tags);
            }
        };
    }

    /** The template a request path belongs to. */
    static String template(String uri) {
        if (TEMPLATES.contains(uri)) {
            return uri;
        }
        if (uri.startsWith("/images/")) {
            return "/images/{id}";
        }
        if (uri.startsWith("/v1/")) {
            return "/v1/{other}";
        }
        if (uri.startsWith("/assets/")) {
            return "/assets/{file}";
        }
        if (uri.startsWith("/q/graphql-ui")) {
            return "/q/graphql-ui";
        }
        return UNMATCHED;
    }
}
