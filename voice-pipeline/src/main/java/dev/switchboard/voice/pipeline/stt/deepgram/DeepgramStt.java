package dev.switchboard.voice.pipeline.stt.deepgram;

import dev.switchboard.voice.pipeline.LabelledService;
import dev.switchboard.voice.pipeline.ServiceLabel;
import dev.switchboard.voice.pipeline.frames.CancelFrame;
import dev.switchboard.voice.pipeline.frames.EndFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.frames.InterimTranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.StartFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.pipeline.Scheduled;
import dev.switchboard.voice.pipeline.transport.WebSocketConnection;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Deepgram live speech-to-text. The caller's mu-law audio goes out as it arrives; interim results become
 * {@link InterimTranscriptionFrame}s (for barge-in only), settled results are joined until Deepgram's endpointing
 * ({@code speech_final}, else {@code UtteranceEnd}) or a {@code Finalize} sent when the VAD hears the caller stop
 * closes the utterance, which becomes one
 * {@link TranscriptionFrame}. A dropped connection is reopened with backoff and the audio sent since the last
 * settled result is replayed, so the turn in progress survives. Socket callbacks come back onto this processor's
 * thread tagged with their connection, so a stale connection cannot speak.
 */
public final class DeepgramStt extends FrameProcessor implements LabelledService {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int REPLAY_CHUNK = 8000;

    private final DeepgramSettings settings;
    private final UnconfirmedAudio unconfirmed = new UnconfirmedAudio(8000 * 60);
    private final StringBuilder finals = new StringBuilder();
    private WebSocketConnection connection;
    private int connectionId;
    private int failures;
    private long lastSentNanos = System.nanoTime();
    private Scheduled keepAlive;
    private Scheduled reconnect;
    private boolean ending;

    public DeepgramStt(DeepgramSettings settings) {
        super("stt-deepgram");
        this.settings = settings;
    }

    @Override
    public ServiceLabel label() {
        return new ServiceLabel("deepgram", settings.model(), false);
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        switch (frame) {
            case StartFrame start -> {
                connect();
                scheduleKeepAlive();
            }
            case InputAudioFrame audio -> send(audio.mulaw());
            case UserStoppedSpeakingFrame stopped -> runInOrder(this::requestFinal);
            case EndFrame end -> finish();
            case CancelFrame cancel -> abort();
            default -> { }
        }
        push(frame, direction);
    }

    /** Connects off this thread: audio keeps arriving meanwhile and is replayed once the connection is up. */
    private void connect() {
        reconnect = null;
        int id = ++connectionId;
        Thread.ofVirtual().name("deepgram-connect").start(() -> {
            try {
                WebSocketConnection opened = WebSocketConnection.open(settings.listenUri(),
                        Map.of("Authorization", "Token " + settings.apiKey()), CONNECT_TIMEOUT, new Listener(id));
                execute(() -> connected(id, opened));
            } catch (RuntimeException e) {
                execute(() -> connectFailed(id, e));
            }
        });
    }

    private void connected(int id, WebSocketConnection opened) {
        if (id != connectionId || ending) {
            opened.abort();
            return;
        }
        connection = opened;
        failures = 0;
        replay();
    }

    private void connectFailed(int id, RuntimeException error) {
        if (id == connectionId) {
            pushError(error);
            scheduleReconnect();
        }
    }

    private void send(byte[] mulaw) {
        unconfirmed.append(mulaw);
        if (connection != null) {
            connection.sendBinary(mulaw); // never empty: Deepgram reads an empty frame as the end of the stream
            lastSentNanos = System.nanoTime();
        }
    }

    private void replay() {
        byte[] audio = unconfirmed.replay();
        for (int offset = 0; offset < audio.length; offset += REPLAY_CHUNK) {
            connection.sendBinary(Arrays.copyOfRange(audio, offset, Math.min(audio.length, offset + REPLAY_CHUNK)));
        }
    }

    private void received(DeepgramMessage message) {
        switch (message) {
            case DeepgramMessage.Results results when !results.isFinal() -> {
                if (!results.transcript().isEmpty()) {
                    push(new InterimTranscriptionFrame(joined(results.transcript())));
                }
            }
            case DeepgramMessage.Results results -> settled(results);
            case DeepgramMessage.UtteranceEnd end -> emitUtterance();
            case DeepgramMessage.Other other -> { }
        }
    }

    private void settled(DeepgramMessage.Results results) {
        unconfirmed.confirmUpTo(results.end());
        if (!results.transcript().isEmpty()) {
            finals.replace(0, finals.length(), joined(results.transcript()));
        }
        if (results.speechFinal() || results.fromFinalize()) {
            emitUtterance();
        }
    }

    /**
     * The VAD heard the caller stop: ask Deepgram to settle now rather than wait for its own endpointing. Runs
     * after the audio queued before the stop has been sent, so the request covers all of it.
     */
    private void requestFinal() {
        if (connection != null) {
            connection.sendText("{\"type\":\"Finalize\"}");
        }
    }

    /** Ends the utterance; an UtteranceEnd after a speech_final finds nothing left and is ignored. */
    private void emitUtterance() {
        if (!finals.isEmpty()) {
            push(new TranscriptionFrame(finals.toString()));
            finals.setLength(0);
        }
    }

    private String joined(String next) {
        return finals.isEmpty() ? next : finals + " " + next;
    }

    private void dropped(int id, String reason) {
        if (id != connectionId || ending) {
            return;
        }
        connection = null;
        pushError(new IllegalStateException("Deepgram connection lost (" + reason + "); reconnecting"));
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (ending || reconnect != null) {
            return;
        }
        long delay = Math.min(5000, 100L << Math.min(failures++, 6));
        reconnect = schedule(Duration.ofMillis(delay), this::connect);
    }

    private void scheduleKeepAlive() {
        keepAlive = schedule(settings.keepAlive(), () -> {
            boolean idle = System.nanoTime() - lastSentNanos >= settings.keepAlive().toNanos();
            if (connection != null && idle) {
                connection.sendText("{\"type\":\"KeepAlive\"}");
                lastSentNanos = System.nanoTime();
            }
            if (!ending) {
                scheduleKeepAlive();
            }
        });
    }

    /** Asks Deepgram to settle what it has and close; results still arriving are of no use after the end. */
    private void finish() {
        ending = true;
        if (connection != null) {
            connection.sendText("{\"type\":\"CloseStream\"}");
            connection.close();
        }
    }

    private void abort() {
        ending = true;
        if (connection != null) {
            connection.abort();
        }
    }

    @Override
    protected void release() {
        ending = true;
        if (keepAlive != null) {
            keepAlive.cancel();
        }
        if (reconnect != null) {
            reconnect.cancel();
        }
        if (connection != null && !connection.isClosing()) {
            connection.abort();
        }
    }

    private final class Listener implements WebSocketConnection.Listener {
        private final int id;

        Listener(int id) {
            this.id = id;
        }

        @Override
        public void onText(String message) {
            DeepgramMessage parsed = DeepgramMessage.parse(message);
            execute(() -> {
                if (id == connectionId) {
                    received(parsed);
                }
            });
        }

        @Override
        public void onClosed(int code, String reason, Throwable error) {
            execute(() -> dropped(id, code + " " + reason));
        }
    }
}
