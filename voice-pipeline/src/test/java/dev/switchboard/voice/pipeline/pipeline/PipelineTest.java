package dev.switchboard.voice.pipeline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.EndFrame;
import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.frames.StartFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PipelineTest {

    static final class Upper extends FrameProcessor {
        Upper(String name) {
            super(name);
        }

        @Override
        protected void process(Frame frame, Direction direction) {
            if (frame instanceof TranscriptionFrame t && direction == Direction.DOWNSTREAM) {
                push(new TranscriptionFrame(t.text().toUpperCase() + "!"));
            } else if (frame instanceof LlmTextFrame) {
                pushError(new IllegalStateException("no LLM here"));
            } else {
                push(frame, direction);
            }
        }
    }

    @Test
    void framesFlowThroughTheListInOrderAndTheEndStopsEveryProcessor() throws Exception {
        List<Frame> out = new CopyOnWriteArrayList<>();
        List<ErrorFrame> errors = new CopyOnWriteArrayList<>();
        Upper first = new Upper("first");
        Upper second = new Upper("second");
        try (Pipeline pipeline = Pipeline.of(first, second).onOutput(out::add).onError(errors::add).start()) {
            pipeline.queue(new TranscriptionFrame("hi"));
            pipeline.queue(new LlmTextFrame("fails upstream"));
            pipeline.end("done");
            assertThat(pipeline.awaitTermination(Duration.ofSeconds(5))).isTrue();
            assertThat(out).containsExactly(new StartFrame(), new TranscriptionFrame("HI!!"), new EndFrame("done"));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (errors.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5); // the error travels upstream on its own, possibly after the end reached the sink
            }
            assertThat(errors).extracting(ErrorFrame::source).containsExactly("first");
            assertThat(first.awaitStopped(Duration.ofSeconds(5))).isTrue();
            assertThat(second.awaitStopped(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aFatalErrorCancelsThePipeline() throws Exception {
        FrameProcessor fatal = new FrameProcessor("fatal") {
            @Override
            protected void process(Frame frame, Direction direction) {
                if (frame instanceof StartFrame) {
                    pushUpstream(new ErrorFrame(name(), "model missing", true));
                }
                push(frame, direction);
            }
        };
        try (Pipeline pipeline = Pipeline.of(fatal).start()) {
            assertThat(pipeline.awaitTermination(Duration.ofSeconds(5))).isTrue();
        }
    }
}
