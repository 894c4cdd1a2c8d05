package dev.switchboard.agent.llm.langchain4j;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RetriableException;
import dev.switchboard.agent.llm.Cancellation;
import dev.switchboard.agent.llm.ModelUnavailable;
import java.io.IOException;
import java.util.Locale;

/** Maps whatever a provider call threw to one {@link ModelUnavailable}, split once into retriable or not. */
final class ProviderFailures {

    private ProviderFailures() {
    }

    static ModelUnavailable map(Throwable error, boolean streamedText, Cancellation cancellation) {
        if (cancellation.cancelled()) {
            return new ModelUnavailable("cancelled", 0, false, null, streamedText, error);
        }
        if (StreamGuard.timedOut()) {
            return new ModelUnavailable("the provider stopped streaming (idle timeout)", 0, true, null, streamedText, error);
        }
        ProviderHttpError http = find(error, ProviderHttpError.class);
        if (http != null) {
            boolean retriable = http.shouldRetry() != null ? http.shouldRetry() : retriableStatus(http.statusCode());
            return new ModelUnavailable("HTTP " + http.statusCode() + ": " + brief(http.getMessage()), http.statusCode(),
                    retriable, http.retryAfter(), streamedText, error);
        }
        HttpException other = find(error, HttpException.class);
        if (other != null) {
            return new ModelUnavailable("HTTP " + other.statusCode(), other.statusCode(),
                    retriableStatus(other.statusCode()), null, streamedText, error);
        }
        boolean permanent = find(error, AuthenticationException.class) != null
                || find(error, InvalidRequestException.class) != null || find(error, ModelNotFoundException.class) != null;
        boolean retriable = !permanent && (find(error, RetriableException.class) != null
                || find(error, IOException.class) != null || mentionsTransientError(error));
        return new ModelUnavailable(brief(String.valueOf(error.getMessage())), 0, retriable, null, streamedText, error);
    }

    static boolean retriableStatus(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** A mid-stream {@code error} event arrives after HTTP 200, as text inside whatever exception the SDK raised. */
    private static boolean mentionsTransientError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("overloaded") || message.contains("api_error") || message.contains("rate_limit")
                    || message.contains("timeout") || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String brief(String message) {
        return message == null ? "" : message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
