package dev.switchboard.shared;

import java.time.Duration;

/** A budget or rate limit was hit; {@link #retryAfter()} tells the caller when to come back. */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
