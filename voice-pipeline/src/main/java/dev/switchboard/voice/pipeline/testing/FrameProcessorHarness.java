package dev.switchboard.voice.pipeline.testing;

import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.StartFrame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import java.time.Duration;
import java.util.List;

/**
 * Runs one processor between two recorders, with no sockets: push frames in from either side, then read or await
 * what came out. Works with any test framework (failures are {@link AssertionError}s).
 *
 * <pre>{@code
 * try (var harness = FrameProcessorHarness.start(new MyProcessor())) {
 *     harness.push(new TranscriptionFrame("hello"));
 *     harness.downstream().await(UserTurnFrame.class, Duration.ofSeconds(2));
 * }
 * }</pre>
 */
public final class FrameProcessorHarness implements AutoCloseable {

    private final FrameRecorder upstream = new FrameRecorder("harness-upstream", Direction.UPSTREAM);
    private final FrameRecorder downstream = new FrameRecorder("harness-downstream", Direction.DOWNSTREAM);
    private final FrameProcessor processor;

    private FrameProcessorHarness(FrameProcessor processor) {
        this.processor = processor;
        upstream.linkTo(processor);
        processor.linkTo(downstream);
        downstream.reportErrorsFrom(upstream);
        upstream.reportErrorsFrom(upstream);
    }

    /** Starts the processor and sends it the {@link StartFrame} a pipeline would. */
    public static FrameProcessorHarness start(FrameProcessor processor) {
        FrameProcessorHarness harness = new FrameProcessorHarness(processor);
        harness.upstream.start();
        harness.downstream.start();
        processor.start();
        harness.push(new StartFrame());
        harness.downstream.await(StartFrame.class, Duration.ofSeconds(10));
        return harness;
    }

    /** Sends frames into the processor as its upstream neighbour would. */
    public FrameProcessorHarness push(Frame... frames) {
        for (Frame frame : frames) {
            processor.queue(frame, Direction.DOWNSTREAM);
        }
        return this;
    }

    /** Sends frames into the processor as its downstream neighbour would. */
    public FrameProcessorHarness pushUpstream(Frame... frames) {
        for (Frame frame : frames) {
            processor.queue(frame, Direction.UPSTREAM);
        }
        return this;
    }

    public FrameRecorder downstream() {
        return downstream;
    }

    public FrameRecorder upstream() {
        return upstream;
    }

    public FrameProcessor processor() {
        return processor;
    }

    /**
     * Waits until the processor's inbox has been worked through and both recorders have recorded what it pushed,
     * so "nothing came out" can be asserted.
     */
    public FrameProcessorHarness settle() {
        Settling.runOn(processor, Duration.ofSeconds(10));
        Settling.runOn(downstream, Duration.ofSeconds(10));
        Settling.runOn(upstream, Duration.ofSeconds(10));
        return this;
    }

    public List<Frame> downstreamFrames() {
        return downstream.frames();
    }

    @Override
    public void close() {
        processor.stop();
        upstream.stop();
        downstream.stop();
    }
}
