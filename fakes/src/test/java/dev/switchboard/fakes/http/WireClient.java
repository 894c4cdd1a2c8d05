package dev.switchboard.fakes.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Plain JDK HttpClient calls, so wire tests see exactly the bytes and headers a fake sends. */
public final class WireClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private WireClient() {
    }

    public static HttpResponse<String> get(URI uri, String... headers) {
        return send(request(uri, headers).GET().build());
    }

    public static HttpResponse<String> post(URI uri, String json, String... headers) {
        return send(request(uri, headers).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static HttpResponse<byte[]> getBytes(URI uri, String... headers) {
        try {
            return CLIENT.send(request(uri, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A streamed POST: the lines arrive as the server flushes them. */
    public static HttpResponse<Stream<String>> stream(URI uri, String json, String... headers) {
        try {
            return CLIENT.send(request(uri, headers).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpRequest.Builder request(URI uri, String... headers) {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    /** The values of {@code prefix} lines (e.g. "event: ") in a whole SSE body. */
    public static List<String> linesStartingWith(String body, String prefix) {
        return body.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }
}
