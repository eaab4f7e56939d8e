package dev.atelier.provider;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Helpers shared by the vendor error classifiers. */
public final class HttpErrors {

    private HttpErrors() {
    }

    /**
     * The wait a 429 asks for: {@code retry-after-ms} (OpenAI), then {@code retry-after} in seconds or as an HTTP
     * date; null when absent or unreadable.
     */
    public static Duration retryAfter(Function<String, String> header) {
        String ms = header.apply("retry-after-ms");
        if (ms != null) {
            try {
                return Duration.ofMillis((long) Double.parseDouble(ms.trim()));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String value = header.apply("retry-after");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException unparseable) {
                return null;
            }
        }
    }

    /**
     * What an HTTP status means when the vendor's body says nothing more specific: 401/403 credentials, 402 payment,
     * 404 a model that is gone, 429 rate limit, 408/409/5xx worth retrying, anything else a bad request. Each
     * classifier checks its vendor's own error codes first.
     */
    public static ProviderErrorKind byStatus(int status) {
        if (status == 401 || status == 403) {
            return ProviderErrorKind.AUTH;
        }
        if (status == 402) {
            return ProviderErrorKind.PAYMENT;
        }
        if (status == 404) {
            return ProviderErrorKind.MODEL_RETIRED;
        }
        if (status == 429) {
            return ProviderErrorKind.RATE_LIMITED;
        }
        if (status == 408 || status == 409 || status >= 500) {
            return ProviderErrorKind.RETRYABLE;
        }
        return ProviderErrorKind.BAD_REQUEST;
    }

    /** A vendor message trimmed to something safe and short to show. */
    public static String safe(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        // never echo anything that looks like a key back
        oneLine = oneLine.replaceAll("(sk|key|Bearer)[-_ ][A-Za-z0-9_\\-]{8,}", "$1-***");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
