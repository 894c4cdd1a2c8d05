package dev.switchboard.fakes.pinecone;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.Responses;

import java.io.IOException;

/** The data plane's gRPC-style error body: {@code {"code":3,"message":"...","details":[]}}. */
final class DataPlaneError extends RuntimeException {

    private final int httpStatus;
    private final int code;

    private DataPlaneError(int httpStatus, int code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static DataPlaneError invalidArgument(String message) {
        return new DataPlaneError(400, 3, message);
    }

    static DataPlaneError unauthenticated() {
        return new DataPlaneError(401, 16, "Invalid API Key");
    }

    static DataPlaneError notFound(String message) {
        return new DataPlaneError(404, 5, message);
    }

    void write(HttpExchange exchange) throws IOException {
        var body = Json.object().put("code", code).put("message", getMessage());
        body.putArray("details");
        Responses.json(exchange, httpStatus, body);
    }
}
