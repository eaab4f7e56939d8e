package dev.atelier.common.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.atelier.common.error.ErrorCode;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;

/**
 * Parses and validates each distinct query once, then enforces the size, depth and complexity limits before
 * anything executes. Valid documents are cached (bounded); rejected ones never are.
 */
final class LimitedDocumentProvider implements PreparsedDocumentProvider {

    private final GraphQLLimitsConfig limits;
    private final DocumentCache cache;
    private final Supplier<GraphQLSchema> schema;

    LimitedDocumentProvider(GraphQLLimitsConfig limits, DocumentCache cache, Supplier<GraphQLSchema> schema) {
        this.limits = limits;
        this.cache = cache;
        this.schema = schema;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query == null || query.isBlank()) {
            return CompletableFuture.completedFuture(rejected("The request has no GraphQL query"));
        }
        if (query.length() > limits.maxQueryLength()) {
            return CompletableFuture.completedFuture(rejected(
                    "The query is " + query.length() + " characters long; the limit is " + limits.maxQueryLength()));
        }
        PreparsedDocumentEntry cached = cache.get(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(checkInputs(cached, input));
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (entry.hasErrors()) {
            return CompletableFuture.completedFuture(entry);
        }
        QueryShape shape = QueryShape.of(entry.getDocument());
        if (shape.depth() > limits.maxDepth()) {
            return CompletableFuture.completedFuture(rejected(
                    "The query is nested " + shape.depth() + " levels deep; the limit is " + limits.maxDepth()));
        }
        if (shape.fields() > limits.maxComplexity()) {
            return CompletableFuture.completedFuture(rejected(
                    "The query selects " + shape.fields() + " fields; the limit is " + limits.maxComplexity()));
        }
        cache.put(query, entry);
        return CompletableFuture.completedFuture(checkInputs(entry, input));
    }

    /** Per request, since the variables differ: see {@link InputRules}. */
    private PreparsedDocumentEntry checkInputs(PreparsedDocumentEntry entry, ExecutionInput input) {
        if (!limits.introspection() && QueryShape.introspects(entry.getDocument())) {
            return rejected("Introspection is turned off on this service (ATELIER_GRAPHQL_INTROSPECTION)");
        }
        String problem = InputRules.problem(schema.get(), entry.getDocument(), input.getOperationName(),
                input.getRawVariables().toMap(), limits.maxMutationFields());
        return problem == null ? entry : rejected(problem);
    }

    private static PreparsedDocumentEntry rejected(String message) {
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ValidationError)
                .extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name()))
                .build());
    }
}
