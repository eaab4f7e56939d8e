package dev.atelier.common.error;

/**
 * The only values {@code extensions.code} of a GraphQL error may take. Clients branch on these, so they are part
 * of the API contract: add, never rename.
 */
public enum ErrorCode {
    /** The request is malformed, fails validation, or asks for too much (depth, complexity, size). */
    BAD_USER_INPUT,
    /** No valid credentials were presented. */
    UNAUTHENTICATED,
    /** The caller is known but lacks the role for this operation. */
    FORBIDDEN,
    /** The object does not exist or belongs to someone else (existence is never leaked). */
    NOT_FOUND,
    /** The request would take the caller past their daily or monthly spending limit. */
    BUDGET_EXCEEDED,
    /** Too many requests, from the caller or to the provider; try again later. */
    RATE_LIMITED,
    /** A provider refused the prompt on content grounds. */
    CONTENT_POLICY,
    /** No provider could serve the request. */
    PROVIDER_UNAVAILABLE,
    /** Something failed inside Atelier; details are in the server log under the error's reference. */
    INTERNAL
}
