package dev.switchboard.fakes.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes complete (non-streamed) responses with an exact Content-Length. */
public final class Responses {

    private Responses() {
    }

    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        json(exchange, status, body, Map.of());
    }

    public static void json(HttpExchange exchange, int status, Object body, Map<String, String> headers)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        bytes(exchange, status, "application/json", Json.bytes(body));
    }

    public static void text(HttpExchange exchange, int status, String body) throws IOException {
        bytes(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    public static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
