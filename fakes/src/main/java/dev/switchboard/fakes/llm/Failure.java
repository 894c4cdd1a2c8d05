package dev.switchboard.fakes.llm;

import java.time.Duration;

/**
 * An error answer. {@code kind} is provider-neutral; each fake renders it in its own error JSON and error type
 * names. {@code retryAfter} becomes a {@code retry-after} header, {@code shouldRetry} an {@code x-should-retry}
 * header (Anthropic SDKs obey it over their own status rules).
 */
public record Failure(Kind kind, int status, String message, Duration retryAfter, Boolean shouldRetry) {

    public enum Kind { INVALID_REQUEST, AUTHENTICATION, PERMISSION, NOT_FOUND, RATE_LIMITED, SERVER_ERROR, OVERLOADED }

    public static Failure rateLimited(Duration retryAfter) {
        return new Failure(Kind.RATE_LIMITED, 429, "Number of request tokens has exceeded your per-minute rate limit",
                retryAfter, null);
    }

    public static Failure overloaded() {
        return new Failure(Kind.OVERLOADED, 529, "Overloaded", null, null);
    }

    public static Failure serverError() {
        return new Failure(Kind.SERVER_ERROR, 500, "Internal server error", null, null);
    }

    public static Failure of(Kind kind, int status, String message) {
        return new Failure(kind, status, message, null, null);
    }

    public Failure withShouldRetry(boolean value) {
        return new Failure(kind, status, message, retryAfter, value);
    }

    public Failure withStatus(int value) {
        return new Failure(kind, value, message, retryAfter, shouldRetry);
    }
}
