package dev.switchboard.voice.pipeline.processors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseStartFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallFinishedFrame;
import dev.switchboard.voice.pipeline.frames.TtsTextFrame;
import dev.switchboard.voice.pipeline.llm.Transcript;
import dev.switchboard.voice.pipeline.llm.TranscriptEntry;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import org.junit.jupiter.api.Test;

class AssistantTurnAggregatorTest {

    @Test
    void recordsSpokenSentencesAsOneEntryAndMarksAnInterruptedOne() {
        Transcript transcript = new Transcript();
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(new AssistantTurnAggregator(transcript))) {
            harness.push(new LlmResponseStartFrame(), new TtsTextFrame("We open at nine."),
                    new TtsTextFrame("We close at five."), new LlmResponseEndFrame());
            harness.settle();
            harness.push(new ToolCallFinishedFrame("t1", "find_booking", true));
            harness.push(new LlmResponseStartFrame(), new TtsTextFrame("Your booking is"));
            harness.settle(); // an interruption overtakes queued frames, so let these arrive first
            harness.push(new InterruptionFrame());
            harness.settle();
        }
        assertThat(transcript.entries()).extracting(TranscriptEntry::role, TranscriptEntry::text, TranscriptEntry::interrupted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TranscriptEntry.Role.ASSISTANT, "We open at nine. We close at five.", false),
                        org.assertj.core.groups.Tuple.tuple(TranscriptEntry.Role.TOOL, "find_booking", false),
                        org.assertj.core.groups.Tuple.tuple(TranscriptEntry.Role.ASSISTANT, "Your booking is", true));
    }
}
