package dev.switchboard.agent.llm;

import java.time.Duration;

/**
 * The provider did not answer usefully. Retriable: rate limits (429), overload (529), server errors, timeouts,
 * broken streams. Not retriable: authentication, bad requests. {@code retryAfter} is the provider's own hint.
 *
 * @param streamedText whether reply text already reached the customer before the failure
 */
public class ModelUnavailable extends RuntimeException {

    private final int status;
    private final boolean retriable;
    private final transient Duration retryAfter;
    private final boolean streamedText;

    public ModelUnavailable(String message, int status, boolean retriable, Duration retryAfter, boolean streamedText,
                            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retriable = retriable;
        this.retryAfter = retryAfter;
        this.streamedText = streamedText;
    }

    public int status() {
        return status;
    }

    public boolean retriable() {
        return retriable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean streamedText() {
        return streamedText;
    }
}
