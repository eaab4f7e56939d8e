package dev.atelier.common.graphql;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits that keep one request from monopolising the service, and what the GraphQL endpoint reveals. */
@ConfigMapping(prefix = "atelier.graphql")
public interface GraphQLLimitsConfig {

    /** Deepest field nesting a query may select (introspection fields excluded). */
    @WithDefault("12")
    int maxDepth();

    /** Most fields one query may select once fragments are expanded (introspection fields excluded). */
    @WithDefault("500")
    int maxComplexity();

    /** Longest query text accepted, in characters. */
    @WithDefault("20000")
    int maxQueryLength();

    /**
     * Most root fields one mutation may have (aliases count): ten {@code generateImage}s in one request are a batch;
     * more is {@code generateImages}' job.
     */
    @WithDefault("10")
    int maxMutationFields();

    /**
     * Whether the schema may be read: introspection ({@code __schema}, {@code __type}) and
     * {@code /graphql/schema.graphql} ({@code ATELIER_GRAPHQL_INTROSPECTION}). On by default: the schema is no secret
     * (it is the published contract) and tools and code generators need it; turn it off to shrink what an anonymous
     * caller can learn. {@code __typename} always works.
     */
    @WithDefault("true")
    boolean introspection();

    /** Whether the GraphQL UI is served at /q/graphql-ui ({@code ATELIER_GRAPHQL_UI}; applied in application.properties). */
    @WithDefault("true")
    boolean ui();

    /**
     * How long a new GraphQL WebSocket may wait before its {@code connection_init} ({@code
     * ATELIER_GRAPHQL_SOCKET_INIT_TIMEOUT}); then it is closed with 4408, as graphql-transport-ws asks. A socket that
     * never says who it is would otherwise hold a connection for ever.
     */
    @WithDefault("10s")
    Duration socketInitTimeout();

    /**
     * Largest request body ({@code POST /graphql}) or WebSocket message accepted, in bytes: JSON escaping can triple
     * a query's size, so anything larger cannot hold an acceptable query.
     */
    default long bodyLimit() {
        return Math.max(64 * 1024L, 3L * maxQueryLength() + 64 * 1024L);
    }

    /** How many distinct valid documents are kept parsed and validated. */
    @WithDefault("1000")
    int documentCacheSize();
}
