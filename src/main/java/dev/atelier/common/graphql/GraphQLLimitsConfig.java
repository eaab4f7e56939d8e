package dev.atelier.common.graphql;

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

    /** How many distinct valid documents are kept parsed and validated. */
    @WithDefault("1000")
    int documentCacheSize();
}
