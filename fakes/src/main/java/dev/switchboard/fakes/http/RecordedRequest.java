package dev.switchboard.fakes.http;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request exactly as a fake received it: headers (names lower-cased), raw body and, when the body is JSON, its
 * parsed tree ({@link MissingNode} otherwise). Tests assert on these instead of on mocks.
 */
public record RecordedRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body, JsonNode json,
                              Instant receivedAt) {

    public static RecordedRequest read(HttpExchange exchange) throws IOException {
        var headers = new TreeMap<String, List<String>>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        var json = Json.tryParse(body).orElse(MissingNode.getInstance());
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI(), Map.copyOf(headers), body,
                json, Instant.now());
    }

    /** The first value of a header, case-insensitively, or null. */
    public String header(String name) {
        var values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String path() {
        return uri.getPath();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isJson() {
        return !json.isMissingNode();
    }
}
