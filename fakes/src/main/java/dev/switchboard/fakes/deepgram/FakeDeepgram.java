package dev.switchboard.fakes.deepgram;

import dev.switchboard.fakes.FakeServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Deepgram live-streaming server on 127.0.0.1: {@code /v1/listen} over WebSocket with {@code Authorization: Token}
 * auth, mu-law 8 kHz audio in binary frames, KeepAlive / Finalize / CloseStream text messages, and Results,
 * SpeechStarted, UtteranceEnd and Metadata back, each after the configured delay. Utterances are found with an
 * energy gate and turned into text by the configured {@link Recognizer}. {@link #dropConnections()} severs every
 * connection without a close handshake, as a network failure would.
 */
public final class FakeDeepgram implements FakeServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeepgramSettings settings;
    private final Server server;
    private final ScheduledExecutorService replies = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-deepgram-replies");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger keepAlives = new AtomicInteger();
    private final AtomicLong audioBytes = new AtomicLong();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> resources = new CopyOnWriteArrayList<>();

    public FakeDeepgram(DeepgramSettings settings) {
        this(settings, 0);
    }

    public FakeDeepgram(DeepgramSettings settings, int port) {
        this.settings = settings;
        this.server = new Server(port);
        server.setReuseAddr(true);
        server.setDaemon(true);
        server.start();
        server.awaitStarted();
    }

    @Override
    public URI baseUrl() {
        return URI.create("ws://127.0.0.1:" + server.getPort());
    }

    /** Severs every open connection abruptly (no close frame), like a dropped network. */
    public void dropConnections() {
        server.getConnections().forEach(conn -> conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the fake"));
    }

    public int connectionCount() {
        return connections.get();
    }

    public int keepAliveCount() {
        return keepAlives.get();
    }

    public long audioBytesReceived() {
        return audioBytes.get();
    }

    /** Every message the fake sent, in order. */
    public List<String> sentMessages() {
        return List.copyOf(sent);
    }

    /** The request path and query of every connection. */
    public List<String> connectionResources() {
        return List.copyOf(resources);
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replies.shutdownNow();
    }

    private void reply(WebSocket conn, String message) {
        replies.schedule(() -> {
            if (conn.isOpen()) {
                sent.add(message);
                conn.send(message);
            }
        }, settings.responseDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private final class Server extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);

        Server(int port) {
            super(new InetSocketAddress("127.0.0.1", port));
        }

        void awaitStarted() {
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the fake Deepgram server did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                ClientHandshake request) throws InvalidDataException {
            ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            if (!request.getResourceDescriptor().startsWith("/v1/listen")) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "not found");
            }
            if (settings.apiKey() != null && !("Token " + settings.apiKey()).equals(request.getFieldValue("Authorization"))) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "401: invalid credentials");
            }
            response.put("dg-request-id", java.util.UUID.randomUUID().toString());
            return response;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
            resources.add(handshake.getResourceDescriptor());
            try {
                ListenOptions options = ListenOptions.parse(handshake.getResourceDescriptor(),
                        (int) settings.defaultEndpointing().toMillis());
                conn.setAttachment(new ListenSession(options, settings, message -> reply(conn, message)));
            } catch (IllegalArgumentException e) {
                conn.close(CloseFrame.POLICY_VALIDATION, "DATA-0000: " + e.getMessage());
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer bytes) {
            ListenSession session = conn.getAttachment();
            if (!bytes.hasRemaining()) {
                conn.close(CloseFrame.POLICY_VALIDATION, "DATA-0000: empty audio frame");
                return;
            }
            byte[] audio = new byte[bytes.remaining()];
            bytes.get(audio);
            audioBytes.addAndGet(audio.length);
            session.audio(audio);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            ListenSession session = conn.getAttachment();
            JsonNode json = JSON.readTree(message);
            switch (json.path("type").asString("")) {
                case "KeepAlive" -> keepAlives.incrementAndGet();
                case "Finalize" -> session.finalizeRequested();
                case "CloseStream" -> {
                    session.closeRequested();
                    replies.schedule(() -> conn.close(CloseFrame.NORMAL), settings.responseDelay().toMillis() + 50,
                            TimeUnit.MILLISECONDS);
                }
                default -> conn.close(CloseFrame.POLICY_VALIDATION, "unknown message type");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
