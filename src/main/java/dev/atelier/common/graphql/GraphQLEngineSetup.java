package dev.atelier.common.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;

/**
 * Installs Atelier's request guards on the GraphQL engine when SmallRye GraphQL builds it: the bounded document
 * cache with size/depth/complexity limits, and the uniform error codes.
 */
@ApplicationScoped
public class GraphQLEngineSetup {

    private final GraphQLLimitsConfig limits;
    private final DocumentCache documents;

    GraphQLEngineSetup(GraphQLLimitsConfig limits, DocumentCache documents) {
        this.limits = limits;
        this.documents = documents;
    }

    void install(@Observes GraphQL.Builder builder) {
        builder.preparsedDocumentProvider(new LimitedDocumentProvider(limits, documents))
                .instrumentation(new CodedErrorsInstrumentation());
    }
}
