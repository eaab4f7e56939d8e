package dev.atelier.common.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.GoodFaithIntrospection;

/**
 * Turns any GraphQL error into one a client can act on: {@code extensions.code} from {@link ErrorCode}, a human
 * message, and nothing internal (no stack trace, no exception class). Unexpected failures are logged here with a
 * short reference that the client's message repeats, so an operator can find them.
 */
final class CodedErrors {

    private static final Logger LOG = Logger.getLogger(CodedErrors.class);

    private CodedErrors() {
    }

    static GraphQLError toCoded(GraphQLError error) {
        if (alreadyCoded(error)) {
            return error;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(error, unwrap(fetching.getException()));
        }
        // graphql-java's own guard against introspection that repeats itself to blow up the answer: the caller's doing
        ErrorCode code = error instanceof GoodFaithIntrospection.BadFaithIntrospectionError
                ? ErrorCode.BAD_USER_INPUT : codeFor(error.getErrorType());
        String message = error.getMessage();
        if (code == ErrorCode.INTERNAL) {
            message = logged("GraphQL execution error: " + error.getMessage(), null);
        }
        return rebuild(error, code, message, Map.of());
    }

    private static GraphQLError fromException(GraphQLError error, Throwable cause) {
        if (cause instanceof AtelierException atelier) {
            return rebuild(error, atelier.code(), atelier.getMessage(), atelier.details());
        }
        if (cause instanceof ConstraintViolationException violation) {
            return rebuild(error, ErrorCode.BAD_USER_INPUT, violation.getConstraintViolations().stream()
                    .map(v -> v.getMessage()).sorted().findFirst().orElse("Invalid input"), Map.of());
        }
        if (cause instanceof UnauthorizedException || cause instanceof AuthenticationFailedException) {
            AtelierException unauthenticated = AtelierException.unauthenticated();
            return rebuild(error, unauthenticated.code(), unauthenticated.getMessage(), Map.of());
        }
        if (cause instanceof ForbiddenException) {
            return rebuild(error, ErrorCode.FORBIDDEN, "You do not have permission for this operation", Map.of());
        }
        return rebuild(error, ErrorCode.INTERNAL, logged("Resolver failed at " + error.getPath(), cause), Map.of());
    }

    private static ErrorCode codeFor(ErrorClassification classification) {
        if (classification == ErrorType.InvalidSyntax || classification == ErrorType.ValidationError
                || classification == ErrorType.ExecutionAborted || classification == ErrorType.OperationNotSupported) {
            return ErrorCode.BAD_USER_INPUT;
        }

        return ErrorCode.INTERNAL;
    }

    private static boolean alreadyCoded(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        if (code == null) {
            return false;
        }
        try {
            ErrorCode.valueOf(code.toString());
            return !(error instanceof ExceptionWhileDataFetching);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static GraphQLError rebuild(GraphQLError error, ErrorCode code, String message, Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>(details);
        extensions.put("code", code.name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(error.getErrorType() == null ? ErrorType.DataFetchingException : error.getErrorType())
                .locations(error.getLocations())
                .extensions(extensions);
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    private static String logged(String what, Throwable cause) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(cause, "[ref %s] %s", reference, what);
        return "Internal error (reference " + reference + "); the request was not completed";
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (!(current instanceof AtelierException) && current != null && current.getCause() instanceof AtelierException a) {
            return a;
        }
        return current;
    }
}
