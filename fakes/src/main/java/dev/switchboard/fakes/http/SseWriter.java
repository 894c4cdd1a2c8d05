package dev.switchboard.fakes.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent-event stream over a chunked 200 response. Every event is flushed at once: a streaming fake that
 * buffers would hide exactly the latency behaviour tests and benchmarks look at.
 */
public final class SseWriter {

    private final OutputStream out;

    private SseWriter(OutputStream out) {
        this.out = out;
    }

    public static SseWriter open(HttpExchange exchange) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        headers.set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return new SseWriter(exchange.getResponseBody());
    }

    /** {@code event: name} then {@code data: json}, the Anthropic style. */
    public void event(String name, Object json) throws IOException {
        write("event: " + name + "\ndata: " + Json.string(json) + "\n\n");
    }

    /** A bare {@code data:} line, the OpenAI style. */
    public void data(String payload) throws IOException {
        write("data: " + payload + "\n\n");
    }

    public void close() throws IOException {
        out.close();
    }

    private void write(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
