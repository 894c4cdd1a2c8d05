package dev.switchboard.voice.pipeline.tts.elevenlabs;

import dev.switchboard.voice.pipeline.LabelledService;
import dev.switchboard.voice.pipeline.ServiceLabel;
import dev.switchboard.voice.pipeline.frames.CancelFrame;
import dev.switchboard.voice.pipeline.frames.EndFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseStartFrame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.frames.OutputAudioFrame;
import dev.switchboard.voice.pipeline.frames.StartFrame;
import dev.switchboard.voice.pipeline.frames.TtsStartedFrame;
import dev.switchboard.voice.pipeline.frames.TtsStoppedFrame;
import dev.switchboard.voice.pipeline.frames.TtsTextFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import dev.switchboard.voice.pipeline.transport.WebSocketConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * ElevenLabs streaming text-to-speech. Each response gets its own {@code stream-input} socket, opened ahead of time;
 * text goes out as the LLM stage produces it (a sentence end is flushed), audio is pushed the moment a chunk
 * arrives, and each sentence follows its audio once the alignment shows it was spoken. The response's end is held
 * until ElevenLabs sends {@code isFinal}; a following response waits for that, so audio never interleaves. An
 * interruption aborts the socket; a dropped socket is reopened once and the unspoken text sent again.
 */
public final class ElevenLabsTts extends FrameProcessor implements LabelledService {

    private final ElevenLabsSettings settings;
    private final List<Frame> deferred = new ArrayList<>();
    private SpeechStream ready;
    private Response current;
    private int streams;

    public ElevenLabsTts(ElevenLabsSettings settings) {
        super("tts-elevenlabs");
        this.settings = settings;
    }

    @Override
    public ServiceLabel label() {
        return new ServiceLabel("elevenlabs", settings.model(), false);
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        if (direction == Direction.UPSTREAM) {
            push(frame, direction);
            return;
        }
        boolean finishing = current != null && current.end != null;
        switch (frame) {
            case StartFrame start -> {
                ready = openStream();
                push(start);
            }
            case LlmResponseStartFrame start when finishing -> deferred.add(start);
            case LlmTextFrame text when finishing -> deferred.add(text);
            case LlmResponseEndFrame end when finishing -> deferred.add(end);
            case LlmResponseStartFrame start -> push(start);
            case LlmTextFrame text -> say(text.text());
            case LlmResponseEndFrame end -> endResponse(end);
            case InterruptionFrame interruption -> interrupted(interruption);
            case EndFrame end -> closeAll(end);
            case CancelFrame cancel -> closeAll(cancel);
            default -> push(frame);
        }
    }

    private void say(String text) {
        if (current == null) {
            current = new Response(takeReadyStream());
            push(new TtsStartedFrame());
        }
        current.spoken.sent(text);
        current.stream.send(ElevenLabsMessages.text(text, text.matches("(?s).*[.!?]\\s*$")));
    }

    private void endResponse(LlmResponseEndFrame end) {
        if (current == null) {
            push(end);
            return;
        }
        current.end = end;
        current.stream.send(ElevenLabsMessages.endOfInput());
    }

    private void received(int streamId, ElevenLabsMessages.Received message) {
        if (current == null || current.stream.id != streamId) {
            return; // an aborted or earlier stream
        }
        if (message.error() != null) {
            pushError(new IllegalStateException("ElevenLabs: " + message.error()));
        }
        if (message.audio().length > 0) {
            push(new OutputAudioFrame(message.audio()));
        }
        current.spoken.aligned(message.alignedCharacters()).forEach(text -> push(new TtsTextFrame(text)));
        if (message.isFinal()) {
            finishResponse();
        }
    }

    private void closed(int streamId, Throwable error) {
        if (ready != null && ready.id == streamId) {
            ready = null; // opened lazily next time
        }
        if (current == null || current.stream.id != streamId) {
            return;
        }
        if (current.end != null && error == null) {
            finishResponse(); // closed after end of input without isFinal: take it as done
        } else if (!current.resumed) {
            pushError(new IllegalStateException("ElevenLabs stream lost; sending the unspoken text again"));
            resume();
        } else {
            pushError(new IllegalStateException("ElevenLabs stream lost twice; giving up on this response"));
            finishResponse();
        }
    }

    private void resume() {
        current.resumed = true;
        current.stream = openStream();
        current.spoken.restart();
        current.spoken.unspoken().forEach(text -> current.stream.send(ElevenLabsMessages.text(text, true)));
        if (current.end != null) {
            current.stream.send(ElevenLabsMessages.endOfInput());
        }
    }

    private void finishResponse() {
        Response done = current;
        current = null;
        done.spoken.rest().forEach(text -> push(new TtsTextFrame(text)));
        push(new TtsStoppedFrame());
        if (done.end != null) {
            push(done.end);
        }
        ready = ready == null ? openStream() : ready;
        List<Frame> replay = new ArrayList<>(deferred);
        deferred.clear();
        replay.forEach(frame -> process(frame, Direction.DOWNSTREAM));
    }

    private void interrupted(InterruptionFrame interruption) {
        if (current != null) {
            current.stream.abort();
            current = null;
        }
        deferred.clear();
        ready = ready == null ? openStream() : ready;
        push(interruption);
    }

    private void closeAll(Frame last) {
        if (current != null) {
            current.stream.abort();
        }
        if (ready != null) {
            ready.abort();
        }
        push(last);
    }

    private SpeechStream takeReadyStream() {
        SpeechStream stream = ready != null ? ready : openStream();
        ready = null;
        return stream;
    }

    private SpeechStream openStream() {
        int id = ++streams;
        return SpeechStream.open(id, settings, new Listener(id), this::execute, error -> {
            pushError(error);
            closed(id, error);
        });
    }

    /** One response being spoken: its stream, what is waiting to be heard, and its held end frame. */
    private static final class Response {
        SpeechStream stream;
        final SpokenText spoken = new SpokenText();
        LlmResponseEndFrame end;
        boolean resumed;

        Response(SpeechStream stream) {
            this.stream = stream;
        }
    }

    private final class Listener implements WebSocketConnection.Listener {
        private final int id;

        Listener(int id) {
            this.id = id;
        }

        @Override
        public void onText(String message) {
            ElevenLabsMessages.Received parsed = ElevenLabsMessages.parse(message);
            execute(() -> received(id, parsed));
        }

        @Override
        public void onClosed(int code, String reason, Throwable error) {
            execute(() -> closed(id, error != null ? error : (code == 1000 ? null : new IllegalStateException(reason))));
        }
    }
}
