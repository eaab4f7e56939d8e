package dev.atelier.common.graphql;

import java.util.Locale;

/**
 * The two response media types of GraphQL over HTTP, chosen from a request's {@code Accept}. Under
 * {@code application/json} (also for a missing Accept or {@code *}{@code /*}) a request error is answered 200 with
 * {@code errors}; under {@code application/graphql-response+json} with 400 and no {@code data} - as the spec and the
 * graphql-http audit ask.
 */
enum GraphQLMediaType {
    JSON("application/json"), GRAPHQL_RESPONSE("application/graphql-response+json");

    final String value;

    GraphQLMediaType(String value) {
        this.value = value;
    }

    /** GRAPHQL_RESPONSE only when the client asks for it and not for plain JSON. */
    static GraphQLMediaType accepted(String accept) {
        if (accept == null) {
            return JSON;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains(GRAPHQL_RESPONSE.value) && !lower.matches("(?s).*application/json(?![a-z+]).*")
                ? GRAPHQL_RESPONSE : JSON;
    }

    /** Whether a request body of this Content-Type is one the endpoint reads (JSON only: no form, no text/plain). */
    static boolean readable(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals(JSON.value) || media.equals(GRAPHQL_RESPONSE.value);
    }

    /** The HTTP status of a request error (the operation was never executed). */
    int requestErrorStatus() {
        return this == JSON ? 200 : 400;
    }
}
