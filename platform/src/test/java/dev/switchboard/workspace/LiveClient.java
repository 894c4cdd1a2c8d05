package dev.switchboard.workspace;

import dev.switchboard.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A dashboard's live connection as a test drives it: JDK WebSocket, every received event kept in order. */
public final class LiveClient implements AutoCloseable {

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private LiveClient(URI base) {
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws/workspace");
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new Collector()).join();
    }

    public static LiveClient connect(TestApi api) {
        return new LiveClient(api.baseUrl());
    }

    /** Connects, authenticates and waits for {@code ready}. */
    public static LiveClient signedIn(TestApi api, String token) {
        LiveClient client = connect(api);
        client.send(Map.of("type", "auth", "token", token));
        client.await("ready", e -> true);
        return client;
    }

    public void send(Map<String, ?> message) {
        socket.sendText(TestApi.JSON.writeValueAsString(message), true).join();
    }

    public void subscribe(String tenant) {
        send(Map.of("type", "subscribe", "tenant", tenant));
    }

    public void subscribe(String tenant, Object conversation) {
        send(Map.of("type", "subscribe", "tenant", tenant, "conversation", conversation.toString()));
    }

    /** The next event of {@code type} matching {@code filter} within ten seconds; earlier others are skipped. */
    public JsonNode await(String type, Predicate<JsonNode> filter) {
        return poll(type, filter, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no " + type + " event arrived; saw " + seen));
    }

    public Optional<JsonNode> poll(String type, Predicate<JsonNode> filter, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode event = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    return Optional.empty();
                }
                if (type.equals(event.path("type").asString()) && filter.test(event)) {
                    return Optional.of(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Every event received so far, including the ones {@link #await} skipped. */
    public synchronized List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    public int awaitClose() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            }
        } catch (java.util.concurrent.CompletionException serverClosedFirst) {
            // the server may close at the same moment (a refused connection); nothing is left to say
        }
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode event = TestApi.JSON.readTree(partial.toString());
                partial.setLength(0);
                synchronized (LiveClient.this) {
                    seen.add(event);
                }
                inbox.add(event);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
