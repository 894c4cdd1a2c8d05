package dev.switchboard.voice.pipeline.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A client WebSocket on the JDK's {@link java.net.http.WebSocket}, for the streaming speech services. The JDK
 * allows one outstanding send at a time, so sends are chained and go out in call order; fragmented text messages
 * are joined before they reach the listener.
 */
public final class WebSocketConnection {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What the connection reports; called on the JDK's threads. */
    public interface Listener {
        void onText(String message);

        default void onBinary(ByteBuffer data) {
        }

        /** The connection closed or failed; {@code error} is null for a clean close. */
        void onClosed(int code, String reason, Throwable error);
    }

    private final WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private volatile boolean closing;

    private WebSocketConnection(WebSocket socket) {
        this.socket = socket;
        this.sending = CompletableFuture.completedFuture(socket);
    }

    /** Connects, waiting at most {@code timeout} for the handshake. */
    public static WebSocketConnection open(URI uri, Map<String, String> headers, Duration timeout, Listener listener) {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(uri, new Adapter(listener)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new WebSocketConnection(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + uri.getHost(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + uri.getScheme() + "://" + uri.getAuthority()
                    + uri.getPath() + ": " + e.getMessage(), e);
        }
    }

    public synchronized void sendText(String message) {
        sending = sending.thenCompose(ws -> ws.sendText(message, true));
    }

    public synchronized void sendBinary(byte[] data) {
        sending = sending.thenCompose(ws -> ws.sendBinary(ByteBuffer.wrap(data), true));
    }

    /** Sends a close frame after whatever is queued. */
    public synchronized void close() {
        closing = true;
        sending = sending.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
    }

    /** Drops the connection at once, without a close handshake. */
    public void abort() {
        closing = true;
        socket.abort();
    }

    public boolean isClosing() {
        return closing;
    }

    public boolean isOpen() {
        return !socket.isOutputClosed() && !socket.isInputClosed();
    }

    private static final class Adapter implements WebSocket.Listener {
        private final Listener listener;
        private final StringBuilder text = new StringBuilder();

        Adapter(Listener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                listener.onText(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            listener.onBinary(data);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClosed(statusCode, reason, null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onClosed(-1, String.valueOf(error.getMessage()), error);
        }
    }
}
