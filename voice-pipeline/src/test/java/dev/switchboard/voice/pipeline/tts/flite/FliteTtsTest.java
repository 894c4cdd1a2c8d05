package dev.switchboard.voice.pipeline.tts.flite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseStartFrame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.frames.OutputAudioFrame;
import dev.switchboard.voice.pipeline.frames.TtsStartedFrame;
import dev.switchboard.voice.pipeline.frames.TtsStoppedFrame;
import dev.switchboard.voice.pipeline.frames.TtsTextFrame;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FliteTtsTest {

    @Test
    void speaksEachSentenceAndFollowsItsAudioWithItsText() {
        FliteTts tts = new FliteTts();
        assertThat(tts.label().offlineStandIn()).isTrue();
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(tts)) {
            harness.push(new LlmResponseStartFrame(), new LlmTextFrame("Hello there."), new LlmTextFrame("How can I help?"),
                    new LlmResponseEndFrame());
            harness.downstream().await(LlmResponseEndFrame.class, Duration.ofSeconds(10));
            List<Class<?>> kinds = harness.downstreamFrames().stream().skip(1).<Class<?>>map(Frame::getClass).toList();
            assertThat(kinds).containsExactly(LlmResponseStartFrame.class, TtsStartedFrame.class, OutputAudioFrame.class,
                    TtsTextFrame.class, OutputAudioFrame.class, TtsTextFrame.class, TtsStoppedFrame.class,
                    LlmResponseEndFrame.class);
            OutputAudioFrame first = harness.downstream().frames(OutputAudioFrame.class).getFirst();
            // "Hello there." lasts most of a second at 8 kHz.
            assertThat(first.sampleCount()).isBetween(4000, 16000);
        }
    }
}
