package dev.switchboard.voice.pipeline.tts.flite;

import dev.switchboard.voice.pipeline.LabelledService;
import dev.switchboard.voice.pipeline.ServiceLabel;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.frames.OutputAudioFrame;
import dev.switchboard.voice.pipeline.frames.TtsStartedFrame;
import dev.switchboard.voice.pipeline.frames.TtsStoppedFrame;
import dev.switchboard.voice.pipeline.frames.TtsTextFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;

/**
 * Offline text-to-speech: each sentence from the LLM stage is synthesised with flite as it arrives, and its audio
 * is followed by the sentence itself so the output transport can tell when it has been heard. Synthesis runs on
 * this processor's thread (tens of milliseconds a sentence), so queued sentences are dropped by an interruption.
 */
public final class FliteTts extends FrameProcessor implements LabelledService {

    private final String voice;
    private FliteSynthesizer synthesizer;
    private boolean speaking;

    public FliteTts(String voice) {
        super("tts-flite");
        this.voice = voice;
    }

    public FliteTts() {
        this("slt");
    }

    @Override
    public ServiceLabel label() {
        return new ServiceLabel("flite", voice, true);
    }

    /** Synthesising a sentence takes tens of milliseconds; on the shared thread it would hold back the caller's audio. */
    @Override
    protected boolean needsOwnThread() {
        return true;
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        switch (frame) {
            case LlmTextFrame text when direction == Direction.DOWNSTREAM -> say(text.text());
            case LlmResponseEndFrame end -> {
                stopped();
                push(end, direction);
            }
            case InterruptionFrame interruption -> {
                speaking = false;
                push(interruption, direction);
            }
            default -> push(frame, direction);
        }
    }

    private void say(String text) {
        if (synthesizer == null) {
            synthesizer = new FliteSynthesizer(voice);
        }
        if (!speaking) {
            speaking = true;
            push(new TtsStartedFrame());
        }
        push(new OutputAudioFrame(synthesizer.toMulaw8k(text)));
        push(new TtsTextFrame(text));
    }

    private void stopped() {
        if (speaking) {
            speaking = false;
            push(new TtsStoppedFrame());
        }
    }
}
