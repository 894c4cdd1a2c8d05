package dev.switchboard.agent.llm.langchain4j;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/** An HTTP error answer of a provider, with the retry hints of its headers (LangChain4j's own carries none). */
final class ProviderHttpError extends HttpException {

    private final transient Duration retryAfter;
    private final Boolean shouldRetry;

    ProviderHttpError(int status, String body, Duration retryAfter, Boolean shouldRetry) {
        super(status, body);
        this.retryAfter = retryAfter;
        this.shouldRetry = shouldRetry;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    Boolean shouldRetry() {
        return shouldRetry;
    }
}
