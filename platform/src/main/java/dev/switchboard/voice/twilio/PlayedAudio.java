package dev.switchboard.voice.twilio;

import dev.switchboard.voice.pipeline.transport.MessageSink;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Sees the agent's audio on its way to Twilio: the output transport paces it in real time, so what goes out is
 * what the caller hears (a barge-in's {@code clear} drops at most the frame in flight). Used for the recording's
 * agent channel and the turn clock's last stage.
 */
public final class PlayedAudio implements MessageSink {

    private static final String MEDIA = "{\"event\":\"media\"";
    private static final String PAYLOAD = "\"payload\":\"";

    private final MessageSink socket;
    private final Consumer<byte[]> played;

    public PlayedAudio(MessageSink socket, Consumer<byte[]> played) {
        this.socket = socket;
        this.played = played;
    }

    @Override
    public void send(String text) {
        socket.send(text);
        if (text.startsWith(MEDIA)) {
            int start = text.indexOf(PAYLOAD);
            if (start > 0) {
                start += PAYLOAD.length();
                played.accept(Base64.getDecoder().decode(text.substring(start, text.indexOf('"', start))));
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
