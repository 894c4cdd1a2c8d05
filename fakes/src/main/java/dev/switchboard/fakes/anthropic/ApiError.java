package dev.switchboard.fakes.anthropic;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Ids;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.Responses;
import dev.switchboard.fakes.llm.Failure;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;

/** An Anthropic error: HTTP status, {@code error.type}, message, and the retry headers the SDKs obey. */
record ApiError(int status, String type, String message, Failure failure) {

    static ApiError invalidRequest(String message) {
        return new ApiError(400, "invalid_request_error", message, null);
    }

    static ApiError authentication(String message) {
        return new ApiError(401, "authentication_error", message, null);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found_error", message, null);
    }

    static ApiError from(Failure failure) {
        return new ApiError(failure.status(), typeOf(failure.kind()), failure.message(), failure);
    }

    static String typeOf(Failure.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> "invalid_request_error";
            case AUTHENTICATION -> "authentication_error";
            case PERMISSION -> "permission_error";
            case NOT_FOUND -> "not_found_error";
            case RATE_LIMITED -> "rate_limit_error";
            case SERVER_ERROR -> "api_error";
            case OVERLOADED -> "overloaded_error";
        };
    }

    /** The error object alone, as carried by a mid-stream {@code event: error}. */
    ObjectNode event() {
        var event = Json.object().put("type", "error");
        event.set("error", Json.object().put("type", type).put("message", message));
        return event;
    }

    void write(HttpExchange exchange) throws IOException {
        var requestId = Ids.random("req_011", 21);
        var headers = new LinkedHashMap<String, String>();
        headers.put("request-id", requestId);
        if (failure != null && failure.retryAfter() != null) {
            // Whole seconds, rounded up, as the API sends it; SDKs honour values up to 60 s.
            long seconds = (failure.retryAfter().toMillis() + 999) / 1000;
            headers.put("retry-after", Long.toString(seconds));
        }
        if (failure != null && failure.shouldRetry() != null) {
            headers.put("x-should-retry", failure.shouldRetry().toString());
        }
        var body = event().put("request_id", requestId);
        Responses.json(exchange, status, body, headers);
    }
}
