package dev.switchboard.voice.pipeline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.DtmfFrame;
import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameProcessorTest {

    /** Passes frames on, but holds its thread until released, so frames pile up in its inbox. */
    static final class Gate extends FrameProcessor {
        final CountDownLatch release = new CountDownLatch(1);

        Gate() {
            super("gate");
        }

        @Override
        protected void process(Frame frame, Direction direction) throws InterruptedException {
            if (frame instanceof TranscriptionFrame t && t.text().equals("hold")) {
                release.await(10, TimeUnit.SECONDS);
            }
            push(frame, direction);
        }
    }

    @Test
    void systemFramesOvertakeQueuedData() {
        Gate gate = new Gate();
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(gate)) {
            harness.push(new TranscriptionFrame("hold"), new LlmTextFrame("queued"), new DtmfFrame('5'));
            gate.release.countDown();
            harness.downstream().await(LlmTextFrame.class, Duration.ofSeconds(5));
            var out = harness.downstreamFrames();
            assertThat(out.indexOf(new DtmfFrame('5'))).isLessThan(out.indexOf(new LlmTextFrame("queued")));
        }
    }

    @Test
    void interruptionDropsQueuedDataButKeepsControlFramesInOrder() {
        Gate gate = new Gate();
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(gate)) {
            harness.push(new TranscriptionFrame("hold"), new LlmTextFrame("one"), new LlmResponseEndFrame(),
                    new LlmTextFrame("two"), new InterruptionFrame());
            gate.release.countDown();
            harness.downstream().await(LlmResponseEndFrame.class, Duration.ofSeconds(5));
            harness.settle();
            assertThat(harness.downstream().frames(LlmTextFrame.class)).isEmpty();
            assertThat(harness.downstream().frames(InterruptionFrame.class)).hasSize(1);
        }
    }

    @Test
    void failuresTravelUpstreamAsErrorFramesAndTheProcessorCarriesOn() {
        FrameProcessor failing = new FrameProcessor("failing") {
            @Override
            protected void process(Frame frame, Direction direction) {
                if (frame instanceof LlmTextFrame) {
                    throw new IllegalStateException("service unavailable");
                }
                push(frame, direction);
            }
        };
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(failing)) {
            harness.push(new LlmTextFrame("boom"), new TranscriptionFrame("after"));
            ErrorFrame error = harness.upstream().await(ErrorFrame.class, Duration.ofSeconds(5));
            assertThat(error.source()).isEqualTo("failing");
            assertThat(error.message()).contains("service unavailable");
            assertThat(error.fatal()).isFalse();
            harness.downstream().await(TranscriptionFrame.class, Duration.ofSeconds(5));
        }
    }
}
