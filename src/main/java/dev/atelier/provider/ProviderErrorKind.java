package dev.atelier.provider;

/** How a provider failure should be handled. */
public enum ProviderErrorKind {
    /** 5xx, timeouts, connection resets, unreadable responses: try again (here, then elsewhere). */
    RETRYABLE,
    /** 429: wait as long as the vendor says (Retry-After), or go elsewhere. */
    RATE_LIMITED,
    /** The vendor refused the prompt or the result on content grounds: never retried on the same provider. */
    CONTENT_POLICY,
    /** The request itself is wrong for this vendor (size, parameter): retrying cannot help. */
    BAD_REQUEST,
    /** Credentials missing, wrong or revoked: the provider is unusable until fixed. */
    AUTH,
    /** The account is out of credit. */
    PAYMENT,
    /** The configured model no longer exists at the vendor. */
    MODEL_RETIRED
}
