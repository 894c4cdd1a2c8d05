package dev.switchboard.voice.pipeline.frames;

/** Frames that must act now: they overtake queued frames and are never dropped by an interruption. */
public sealed interface SystemFrame extends Frame permits StartFrame, CancelFrame, CallStartedFrame,
        UserStartedSpeakingFrame, UserStoppedSpeakingFrame, BotStartedSpeakingFrame, BotStoppedSpeakingFrame,
        InterruptionFrame, ErrorFrame, DtmfFrame, ToolCallStartedFrame, ToolCallFinishedFrame {
}
