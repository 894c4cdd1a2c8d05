package dev.switchboard.voice.pipeline.processors;

import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseStartFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallFinishedFrame;
import dev.switchboard.voice.pipeline.frames.TtsTextFrame;
import dev.switchboard.voice.pipeline.llm.Transcript;
import dev.switchboard.voice.pipeline.llm.TranscriptEntry;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;

/**
 * Records what the bot said, placed after the output transport: the transport lets a {@link TtsTextFrame} through
 * only once the far end confirmed its audio was played, so an interrupted answer is recorded as far as the caller
 * heard it and no further.
 */
public final class AssistantTurnAggregator extends FrameProcessor {

    private final Transcript transcript;
    private final StringBuilder spoken = new StringBuilder();
    private boolean responding;

    public AssistantTurnAggregator(Transcript transcript) {
        super("assistant-turns");
        this.transcript = transcript;
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        if (direction == Direction.DOWNSTREAM) {
            switch (frame) {
                case LlmResponseStartFrame start -> begin();
                case TtsTextFrame text -> append(text.text());
                case LlmResponseEndFrame end -> record(false);
                case InterruptionFrame interruption -> record(true);
                case ToolCallFinishedFrame tool -> transcript.record(TranscriptEntry.tool(tool.name(), tool.succeeded()));
                default -> { }
            }
        }
        push(frame, direction);
    }

    private void begin() {
        if (responding) {
            record(false);
        }
        responding = true;
    }

    private void append(String text) {
        responding = true;
        if (!spoken.isEmpty()) {
            spoken.append(' ');
        }
        spoken.append(text.trim());
    }

    private void record(boolean interrupted) {
        if (responding && !spoken.isEmpty()) {
            transcript.record(TranscriptEntry.assistant(spoken.toString(), interrupted));
        }
        spoken.setLength(0);
        responding = false;
    }
}
