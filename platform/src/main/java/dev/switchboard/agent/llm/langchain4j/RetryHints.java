package dev.switchboard.agent.llm.langchain4j;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads {@code retry-after-ms}, {@code retry-after} (seconds or an HTTP date) and {@code x-should-retry}. */
final class RetryHints {

    private static final Duration MAX = Duration.ofSeconds(60);

    private RetryHints() {
    }

    static Duration retryAfter(HttpHeaders headers) {
        var millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return bounded(Duration.ofMillis((long) Double.parseDouble(millis.get().strip())));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        return headers.firstValue("retry-after").map(RetryHints::parse).orElse(null);
    }

    static Boolean shouldRetry(HttpHeaders headers) {
        return headers.firstValue("x-should-retry").map(v -> v.strip().equalsIgnoreCase("true")).orElse(null);
    }

    private static Duration parse(String value) {
        try {
            return bounded(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return bounded(Duration.between(Instant.now(), at));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Hints outside (0, 60 s] are ignored, as the official SDKs do: backoff applies instead. */
    private static Duration bounded(Duration value) {
        return value.isNegative() || value.isZero() || value.compareTo(MAX) > 0 ? null : value;
    }
}
