package dev.atelier.common.graphql;

import java.util.List;

import org.reactivestreams.Publisher;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import io.smallrye.mutiny.Multi;
import mutiny.zero.flow.adapters.AdaptersToFlow;
import mutiny.zero.flow.adapters.AdaptersToReactiveStreams;

/**
 * Delivers a subscription that fails (NOT_FOUND, UNAUTHENTICATED…) to the client as a coded error followed by
 * {@code complete}. SmallRye turns a failing stream into an item without data, which graphql-java then rejects for a
 * non-null subscription field and the socket stays silent; here such an item ends the source stream with a
 * {@link Rejected} failure, and the response stream turns that failure into one result carrying the errors.
 */
final class SubscriptionRejections {

    private SubscriptionRejections() {
    }

    /** The failure that carries the errors of a rejected subscription from the source to the response stream. */
    static final class Rejected extends RuntimeException {
        private final transient List<GraphQLError> errors;

        Rejected(List<GraphQLError> errors) {
            super("subscription rejected", null, false, false);
            this.errors = errors;
        }
    }

    /** Wraps a subscription root fetcher so an error item without data ends its stream as {@link Rejected}. */
    static DataFetcher<?> rejectingErrorItems(DataFetcher<?> fetcher) {
        return environment -> {
            Object value = fetcher.get(environment);
            if (!(value instanceof Publisher<?> source)) {
                return value;
            }
            Multi<Object> checked = Multi.createFrom().publisher(AdaptersToFlow.publisher(source)).map(item -> {
                if (item instanceof DataFetcherResult<?> result && result.getData() == null && result.hasErrors()) {
                    throw new Rejected(result.getErrors());
                }
                return item;
            });
            return AdaptersToReactiveStreams.publisher(checked);
        };
    }

    /** Wraps a subscription's response stream so a {@link Rejected} source becomes one coded error result. */
    static ExecutionResult deliveringRejections(ExecutionResult result) {
        if (!(result.getData() instanceof Publisher<?> responses)) {
            return result;
        }
        Multi<Object> delivered = Multi.createFrom().publisher(AdaptersToFlow.publisher(responses))
                .map(Object.class::cast)
                .onFailure(SubscriptionRejections::isRejection)
                .recoverWithItem(failure -> (Object) ExecutionResultImpl.newExecutionResult()
                        .errors(rejection(failure).errors.stream().map(CodedErrors::toCoded).toList()).build());
        Publisher<Object> publisher = AdaptersToReactiveStreams.publisher(delivered);
        return result.transform(builder -> builder.data(publisher));
    }

    private static boolean isRejection(Throwable failure) {
        return rejection(failure) != null;
    }

    private static Rejected rejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Rejected rejected) {
                return rejected;
            }
        }
        return null;
    }
}
