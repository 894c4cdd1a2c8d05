package dev.switchboard.fakes.openai;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.Responses;
import dev.switchboard.fakes.llm.Failure;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;

/** An error in the OpenAI shape: {@code {"error":{"message","type","param","code"}}}. */
record OpenAiError(int status, String type, String code, String message, Failure failure) {

    static OpenAiError invalidRequest(String message) {
        return new OpenAiError(400, "invalid_request_error", null, message, null);
    }

    static OpenAiError invalidApiKey() {
        return new OpenAiError(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.", null);
    }

    static OpenAiError from(Failure failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED -> new OpenAiError(failure.status(), "requests", "rate_limit_exceeded",
                    failure.message(), failure);
            case AUTHENTICATION -> new OpenAiError(failure.status(), "invalid_request_error", "invalid_api_key",
                    failure.message(), failure);
            case INVALID_REQUEST, PERMISSION, NOT_FOUND -> new OpenAiError(failure.status(), "invalid_request_error",
                    null, failure.message(), failure);
            case SERVER_ERROR, OVERLOADED -> new OpenAiError(failure.status(), "server_error", null,
                    failure.message(), failure);
        };
    }

    ObjectNode body() {
        var error = Json.object().put("message", message).put("type", type).putNull("param").put("code", code);
        var body = Json.object();
        body.set("error", error);
        return body;
    }

    void write(HttpExchange exchange) throws IOException {
        var headers = new LinkedHashMap<String, String>();
        if (failure != null && failure.retryAfter() != null) {
            headers.put("retry-after", Long.toString((failure.retryAfter().toMillis() + 999) / 1000));
            headers.put("retry-after-ms", Long.toString(failure.retryAfter().toMillis()));
        }
        if (failure != null && failure.shouldRetry() != null) {
            headers.put("x-should-retry", failure.shouldRetry().toString());
        }
        Responses.json(exchange, status, body(), headers);
    }
}
