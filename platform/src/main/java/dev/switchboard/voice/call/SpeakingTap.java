package dev.switchboard.voice.call;

import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.OutputAudioFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;

/** Sits between text-to-speech and the output transport and stamps the first synthesised audio of each answer. */
final class SpeakingTap extends FrameProcessor {

    private final TurnClock clock;

    SpeakingTap(TurnClock clock) {
        super("speaking-tap", 512);
        this.clock = clock;
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        if (direction == Direction.DOWNSTREAM && frame instanceof OutputAudioFrame) {
            clock.ttsAudio(System.nanoTime());
        }
        push(frame, direction);
    }
}
