package dev.switchboard.voice.pipeline.frames;

/** Frames that delimit the stream: ordered with the data around them, but kept when the user interrupts. */
public sealed interface ControlFrame extends Frame permits EndFrame, UserTurnFrame, LlmResponseStartFrame,
        LlmResponseEndFrame, TtsStartedFrame, TtsStoppedFrame {
}
