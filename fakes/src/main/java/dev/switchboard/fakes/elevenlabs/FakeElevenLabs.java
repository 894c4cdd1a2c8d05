package dev.switchboard.fakes.elevenlabs;

import dev.switchboard.fakes.FakeServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;

/**
 * An ElevenLabs {@code stream-input} server on 127.0.0.1 ({@code /v1/text-to-speech/{voice}/stream-input}): the
 * key in the {@code xi-api-key} header or the first message, {@code ulaw_8000} output only, base64 audio chunks
 * of real flite speech with alignment, {@code isFinal} at end of input. {@link #dropConnections()} severs every
 * connection without a close handshake.
 */
public final class FakeElevenLabs implements FakeServer {

    private final ElevenLabsSettings settings;
    private final Server server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> resources = new CopyOnWriteArrayList<>();
    private volatile JsonNode lastVoiceSettings;

    public FakeElevenLabs(ElevenLabsSettings settings) {
        this(settings, 0);
    }

    public FakeElevenLabs(ElevenLabsSettings settings, int port) {
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

    public void dropConnections() {
        server.getConnections().forEach(conn -> conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the fake"));
    }

    public int connectionCount() {
        return connections.get();
    }

    /** Every text message clients sent, in arrival order. */
    public List<String> receivedMessages() {
        return List.copyOf(received);
    }

    public List<String> connectionResources() {
        return List.copyOf(resources);
    }

    /** The {@code voice_settings} of the most recent initialising message. */
    public JsonNode lastVoiceSettings() {
        return lastVoiceSettings;
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Server extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);

        Server(int port) {
            super(new InetSocketAddress("127.0.0.1", port));
        }

        void awaitStarted() {
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the fake ElevenLabs server did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                ClientHandshake request) throws InvalidDataException {
            String resource = request.getResourceDescriptor();
            if (!resource.matches("/v1/text-to-speech/[^/?]+/stream-input\\?.*")) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "not found: " + resource);
            }
            if (!resource.contains("output_format=ulaw_8000") || !resource.contains("model_id=")) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "the fake serves ulaw_8000 with a model_id");
            }
            return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
            resources.add(handshake.getResourceDescriptor());
            boolean headerKey = settings.apiKey() != null && settings.apiKey().equals(handshake.getFieldValue("xi-api-key"));
            conn.setAttachment(new SpeechSession(settings, headerKey, message -> {
                if (conn.isOpen()) {
                    conn.send(message);
                }
            }, () -> conn.close(CloseFrame.NORMAL)));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
            SpeechSession session = conn.getAttachment();
            String error = session.receive(message);
            if (session.voiceSettings != null) {
                lastVoiceSettings = session.voiceSettings;
            }
            if (error != null) {
                conn.close(CloseFrame.POLICY_VALIDATION, error);
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            SpeechSession session = conn.getAttachment();
            if (session != null) {
                session.close();
            }
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
