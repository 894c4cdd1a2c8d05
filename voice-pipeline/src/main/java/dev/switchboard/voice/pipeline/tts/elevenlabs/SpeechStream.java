package dev.switchboard.voice.pipeline.tts.elevenlabs;

import dev.switchboard.voice.pipeline.transport.WebSocketConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@code stream-input} socket, good for one response (end of input closes it). It connects in the background
 * and queues what is sent before the handshake completes, so opening one ahead of time costs nothing to wait for.
 */
final class SpeechStream {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    final int id;
    private final List<String> outbox = new ArrayList<>();
    private WebSocketConnection socket;
    private boolean aborted;

    private SpeechStream(int id) {
        this.id = id;
    }

    /**
     * Opens a stream; {@code onOpened} and the listener's callbacks run on the caller's threads, so the owner
     * hands them back to its own thread.
     */
    static SpeechStream open(int id, ElevenLabsSettings settings, WebSocketConnection.Listener listener,
                             Consumer<Runnable> onOwnerThread, Consumer<RuntimeException> failed) {
        SpeechStream stream = new SpeechStream(id);
        stream.send(ElevenLabsMessages.beginning(settings.voice()));
        Thread.ofVirtual().name("elevenlabs-connect").start(() -> {
            try {
                WebSocketConnection opened = WebSocketConnection.open(settings.streamUri(),
                        Map.of("xi-api-key", settings.apiKey()), CONNECT_TIMEOUT, listener);
                onOwnerThread.accept(() -> stream.opened(opened));
            } catch (RuntimeException e) {
                onOwnerThread.accept(() -> failed.accept(e));
            }
        });
        return stream;
    }

    void send(String message) {
        if (socket != null) {
            socket.sendText(message);
        } else {
            outbox.add(message);
        }
    }

    void abort() {
        aborted = true;
        if (socket != null) {
            socket.abort();
        }
    }

    private void opened(WebSocketConnection opened) {
        if (aborted) {
            opened.abort();
            return;
        }
        socket = opened;
        outbox.forEach(opened::sendText);
        outbox.clear();
    }
}
