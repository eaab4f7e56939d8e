package dev.atelier.common.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;

/**
 * Rewrites every error of every result (syntax, validation, limits, resolver failures) through {@link CodedErrors},
 * including a subscription that fails before its first event ({@link SubscriptionRejections}).
 */
final class CodedErrorsInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(SubscriptionRejections.deliveringRejections(result));
        }
        if (!result.isDataPresent()) {
            markRequestError();
        }
        List<GraphQLError> coded = result.getErrors().stream().map(CodedErrors::toCoded).toList();
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(coded)));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        boolean subscriptionRoot = parameters.getExecutionStepInfo().getPath().getLevel() == 1
                && parameters.getExecutionContext().getOperationDefinition().getOperation()
                        == OperationDefinition.Operation.SUBSCRIPTION;
        return subscriptionRoot ? SubscriptionRejections.rejectingErrorItems(dataFetcher) : dataFetcher;
    }

    /**
     * No data at all: the operation was refused before execution (validation, variable coercion, limits). Tells
     * {@link GraphQLRequestGuard}, which answers such a request 400 under application/graphql-response+json.
     */
    private static void markRequestError() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(GraphQLRequestGuard.REQUEST_ERROR, Boolean.TRUE);
        }
    }
}
