package dev.switchboard.voice.pipeline.pipeline;

import dev.switchboard.voice.pipeline.frames.CancelFrame;
import dev.switchboard.voice.pipeline.frames.EndFrame;
import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.StartFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Processors linked in the order given, read as the bot's design: transport in, VAD, STT, user turns, LLM, TTS,
 * transport out, assistant transcript. The pipeline adds a source before the first processor (it injects frames and
 * receives the errors that travel all the way upstream) and a sink after the last (it notices the end).
 */
public final class Pipeline implements AutoCloseable {

    private final List<FrameProcessor> processors;
    private final PipelineSource source = new PipelineSource();
    private final PipelineSink sink = new PipelineSink();
    private final List<Consumer<ErrorFrame>> errorListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Frame>> upstreamListeners = new CopyOnWriteArrayList<>();

    private Pipeline(List<FrameProcessor> stages) {
        this.processors = new ArrayList<>();
        processors.add(source);
        processors.addAll(stages);
        processors.add(sink);
        for (int i = 0; i + 1 < processors.size(); i++) {
            processors.get(i).linkTo(processors.get(i + 1));
        }
        Strand strand = new Strand("voice-pipeline");
        processors.forEach(p -> p.runOn(strand));
    }

    public static Pipeline of(List<FrameProcessor> stages) {
        return new Pipeline(List.copyOf(stages));
    }

    public static Pipeline of(FrameProcessor... stages) {
        return of(List.of(stages));
    }

    /** Errors that reached the head of the pipeline; a fatal one has already cancelled the pipeline. */
    public Pipeline onError(Consumer<ErrorFrame> listener) {
        errorListeners.add(listener);
        return this;
    }

    /**
     * Frames that travelled all the way upstream, such as the bot's speaking state and tool calls: by the time a
     * listener sees one, every stage has handled it.
     */
    public Pipeline onUpstream(Consumer<Frame> listener) {
        upstreamListeners.add(listener);
        return this;
    }

    /** Frames that ran off the end of the pipeline (useful in tests and for observers). */
    public Pipeline onOutput(Consumer<Frame> listener) {
        sink.listeners.add(listener);
        return this;
    }

    /**
     * Starts every processor and returns once the start frame has passed them all (models loaded, connections
     * under way), so frames queued afterwards, from any thread, cannot overtake it.
     */
    public Pipeline start() {
        return start(Duration.ofSeconds(30));
    }

    public Pipeline start(Duration timeout) {
        processors.forEach(FrameProcessor::start);
        source.inject(new StartFrame());
        try {
            if (!sink.started.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the pipeline did not start within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the pipeline", e);
        }
        return this;
    }

    /** Queues a frame at the head of the pipeline, as if the first processor had received it. */
    public void queue(Frame frame) {
        source.inject(frame);
    }

    /** Ends the call after everything queued has been processed. */
    public void end(String reason) {
        queue(new EndFrame(reason));
    }

    public void cancel(String reason) {
        queue(new CancelFrame(reason));
    }

    /** Waits until the end or cancel frame has passed every processor. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return sink.awaitStopped(timeout);
    }

    @Override
    public void close() {
        processors.forEach(FrameProcessor::stop);
    }

    private final class PipelineSource extends FrameProcessor {
        PipelineSource() {
            super("pipeline-source");
        }

        /** The head stays open until the pipeline is closed, so errors raised while the end drains still arrive. */
        @Override
        protected boolean stopsAfter(Frame frame) {
            return false;
        }

        void inject(Frame frame) {
            queue(frame, Direction.DOWNSTREAM);
        }

        @Override
        protected void process(Frame frame, Direction direction) {
            if (direction == Direction.DOWNSTREAM) {
                push(frame);
            } else if (frame instanceof ErrorFrame error) {
                errorListeners.forEach(listener -> listener.accept(error));
                if (error.fatal()) {
                    push(new CancelFrame(error.message()));
                }
            } else {
                upstreamListeners.forEach(listener -> listener.accept(frame));
            }
        }
    }

    private static final class PipelineSink extends FrameProcessor {
        final List<Consumer<Frame>> listeners = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);

        PipelineSink() {
            super("pipeline-sink");
        }

        @Override
        protected void process(Frame frame, Direction direction) {
            if (direction == Direction.DOWNSTREAM) {
                if (frame instanceof StartFrame) {
                    started.countDown();
                }
                listeners.forEach(listener -> listener.accept(frame));
            } else {
                pushUpstream(frame);
            }
        }
    }
}
