package dev.switchboard.voice.pipeline.stt.deepgram;

import java.util.Arrays;

/**
 * The audio sent since Deepgram last settled a transcript, kept so that a dropped connection loses nothing: after
 * reconnecting it is sent again and transcribed as if the connection had never broken. Offsets are in the current
 * connection's timeline (8000 bytes a second), which restarts at zero with each replay.
 */
final class UnconfirmedAudio {

    private final int capacity;
    private byte[] bytes = new byte[16_000];
    private int length;
    private long startOffset;

    UnconfirmedAudio(int capacity) {
        this.capacity = capacity;
    }

    void append(byte[] audio) {
        if (length + audio.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + audio.length));
        }
        System.arraycopy(audio, 0, bytes, length, audio.length);
        length += audio.length;
        if (length > capacity) {
            dropFront(length - capacity); // a very long unsettled stretch: keep only the latest audio
        }
    }

    /** Deepgram settled everything up to {@code seconds} into this connection. */
    void confirmUpTo(double seconds) {
        long confirmed = Math.round(seconds * 8000);
        dropFront((int) Math.max(0, Math.min(length, confirmed - startOffset)));
    }

    /** The audio to send again on a new connection, whose timeline starts with it. */
    byte[] replay() {
        startOffset = 0;
        return Arrays.copyOf(bytes, length);
    }

    int size() {
        return length;
    }

    private void dropFront(int count) {
        System.arraycopy(bytes, count, bytes, 0, length - count);
        length -= count;
        startOffset += count;
    }
}
