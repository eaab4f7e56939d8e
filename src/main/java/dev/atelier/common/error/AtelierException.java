package dev.atelier.common.error;

import java.util.Map;

/**
 * A failure whose message is safe to show to the caller, tagged with the {@link ErrorCode} clients branch on.
 * Anything else thrown inside a resolver is reported as {@link ErrorCode#INTERNAL} with a generic message.
 */
public class AtelierException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public AtelierException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public AtelierException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra machine-readable facts for {@code extensions} (e.g. the remaining budget); never secrets. */
    public Map<String, Object> details() {
        return details;
    }

    public static AtelierException badInput(String message) {
        return new AtelierException(ErrorCode.BAD_USER_INPUT, message);
    }

    /** The one answer for "missing" and "someone else's": the caller cannot tell them apart. */
    public static AtelierException notFound(String what, Object id) {
        return new AtelierException(ErrorCode.NOT_FOUND, what + " " + id + " was not found");
    }

    public static AtelierException unauthenticated() {
        return new AtelierException(ErrorCode.UNAUTHENTICATED, "Sign in to use Atelier: a valid bearer token is required");
    }
}
