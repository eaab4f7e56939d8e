package dev.atelier.common.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;

/**
 * Installs Atelier's request guards on the GraphQL engine when SmallRye GraphQL builds it: the bounded document
 * cache with size/depth/complexity limits and the input rules, and the uniform error codes.
 */
@ApplicationScoped
public class GraphQLEngineSetup {

    private final GraphQLLimitsConfig limits;
    private final DocumentCache documents;
    private final Instance<GraphQLSchema> schema;
    private volatile GraphQLSchema built;

    GraphQLEngineSetup(GraphQLLimitsConfig limits, DocumentCache documents, Instance<GraphQLSchema> schema) {
        this.limits = limits;
        this.documents = documents;
        this.schema = schema;
    }

    void install(@Observes GraphQL.Builder builder) {
        builder.preparsedDocumentProvider(new LimitedDocumentProvider(limits, documents, this::schema))
                .instrumentation(new CodedErrorsInstrumentation());
    }

    /** The schema SmallRye built, looked up at the first request (it does not exist yet while the engine is built). */
    private GraphQLSchema schema() {
        GraphQLSchema s = built;
        if (s == null) {
            s = schema.get();
            built = s;
        }
        return s;
    }
}
