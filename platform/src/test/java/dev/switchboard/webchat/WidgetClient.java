package dev.switchboard.webchat;

import dev.switchboard.ApiResponse;
import dev.switchboard.TestApi;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * What the widget does, from a test: obtains a visitor token over HTTP and talks protocol {@code webchat.v1}
 * over a WebSocket, keeping every frame it receives. Each client comes from its own loopback address (127.x.y.z),
 * so per-address limits of one test never spill into another.
 */
public final class WidgetClient {

    private final TestApi api;
    private final String tenant;
    private final String origin;
    private final InetAddress address;
    private String token;
    private String visitorId;

    public WidgetClient(TestApi api, String tenant, String origin) {
        this.tenant = tenant;
        this.origin = origin;
        this.address = randomLoopback();
        this.api = api.from(address);
    }

    public static InetAddress randomLoopback() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[]{127, (byte) r.nextInt(1, 255), (byte) r.nextInt(1, 255), (byte) r.nextInt(1, 255)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public ApiResponse requestSession(Map<String, Object> body) {
        return api.request("POST", "/webchat/" + tenant + "/session").header("Origin", origin).json(body).send();
    }

    /** A visitor token from this client's origin, failing the test otherwise. */
    public WidgetClient session() {
        return session(Map.of());
    }

    public WidgetClient session(Map<String, Object> body) {
        ApiResponse response = requestSession(body);
        if (response.status() != 200) {
            throw new AssertionError("no visitor token: " + response.describe());
        }
        token = response.json().path("token").asString();
        visitorId = response.json().path("visitorId").asString();
        return this;
    }

    public String token() {
        return token;
    }

    public String visitorId() {
        return visitorId;
    }

    public WidgetClient withToken(String value) {
        this.token = value;
        return this;
    }

    public Socket connect() {
        return connect(origin, token);
    }

    public Socket connect(String asOrigin, String withToken) {
        Socket socket = new Socket();
        List<String> protocols = new ArrayList<>(List.of("webchat.v1"));
        var builder = HttpClient.newBuilder().localAddress(address).build().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (asOrigin != null) {
            builder.header("Origin", asOrigin);
        }
        if (withToken != null) {
            protocols.add("bearer." + withToken);
        }
        builder.subprotocols(protocols.getFirst(), protocols.subList(1, protocols.size()).toArray(String[]::new));
        URI uri = URI.create(api.baseUrl().toString().replaceFirst("^http", "ws") + "/ws/webchat/" + tenant);
        try {
            socket.ws = builder.buildAsync(uri, socket).get(10, TimeUnit.SECONDS);
            return socket;
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException || e instanceof CompletionException ? e.getCause() : e;
            if (cause instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("cannot connect the widget socket", e);
        }
    }

    /** The server refused the upgrade with this HTTP status. */
    public static final class Refused extends RuntimeException {
        public final int status;

        Refused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }
    }

    public static String newClientId() {
        return UUID.randomUUID().toString();
    }

    public static final class Socket implements WebSocket.Listener {
        private WebSocket ws;
        private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(TestApi.JSON.readTree(partial.toString()));
                partial.setLength(0);
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

        public Socket send(String json) {
            ws.sendText(json, true).join();
            return this;
        }

        public Socket send(Map<String, Object> frame) {
            return send(TestApi.JSON.writeValueAsString(frame));
        }

        public Socket hello(String conversationId, long lastSeq) {
            Map<String, Object> frame = new java.util.HashMap<>(Map.of("type", "hello", "lastSeq", lastSeq));
            if (conversationId != null) {
                frame.put("conversationId", conversationId);
            }
            send(frame);
            await("welcome", f -> true);
            return this;
        }

        public Socket say(String clientId, String text) {
            return send(Map.of("type", "message", "id", clientId, "text", text));
        }

        public String protocol() {
            return ws.getSubprotocol();
        }

        public List<JsonNode> frames() {
            return List.copyOf(frames);
        }

        public List<JsonNode> frames(String type) {
            return frames.stream().filter(f -> f.path("type").asString().equals(type)).toList();
        }

        /** The first frame of {@code type} matching {@code filter}, waiting up to ten seconds for it. */
        public JsonNode await(String type, Predicate<JsonNode> filter) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (JsonNode f : frames) {
                    if (f.path("type").asString().equals(type) && filter.test(f)) {
                        return f;
                    }
                }
                pause(10);
            }
            throw new AssertionError("no " + type + " frame came; frames: " + frames);
        }

        /** Waits a moment so that frames which should not come have had the chance to. */
        public Socket settle() {
            pause(300);
            return this;
        }

        public int awaitClose() {
            try {
                return closed.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the socket did not close", e);
            }
        }

        public void close() {
            if (!ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
            }
            ws.abort();
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
