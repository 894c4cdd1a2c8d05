package dev.switchboard.voice.pipeline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.StartFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StrandTest {

    /** Notes the thread of every frame it handles and passes the frame on. */
    static class ThreadNoting extends FrameProcessor {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger released = new AtomicInteger();

        ThreadNoting(String name) {
            super(name);
        }

        @Override
        protected void process(Frame frame, Direction direction) {
            threads.add(Thread.currentThread());
            push(frame, direction);
        }

        @Override
        protected void release() {
            released.incrementAndGet();
        }

        void pushUpstreamForTest(Frame frame) {
            pushUpstream(frame);
        }
    }

    static final class Blocking extends ThreadNoting {
        Blocking() {
            super("blocking");
        }

        @Override
        protected boolean needsOwnThread() {
            return true;
        }
    }

    @Test
    void theProcessorsOfAPipelineShareOneThreadWhileOneThatBlocksKeepsItsOwn() throws Exception {
        ThreadNoting first = new ThreadNoting("first");
        ThreadNoting second = new ThreadNoting("second");
        Blocking blocking = new Blocking();
        ThreadNoting last = new ThreadNoting("last");
        try (Pipeline pipeline = Pipeline.of(first, second, blocking, last).start()) {
            for (int i = 0; i < 50; i++) {
                pipeline.queue(new TranscriptionFrame("frame " + i));
            }
            pipeline.end("done");
            assertThat(pipeline.awaitTermination(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(first.threads).hasSize(1).doesNotContain(Thread.currentThread());
        assertThat(second.threads).isEqualTo(first.threads);
        assertThat(last.threads).isEqualTo(first.threads);
        assertThat(blocking.threads).hasSize(1).doesNotContainAnyElementsOf(first.threads);
    }

    @Test
    void aBurstLargerThanAnInboxPassesWithoutStallingTheSharedThread() throws Exception {
        int burst = 5_000; // inboxes hold 256 frames before a sender waits; the strand must never wait for itself
        FrameProcessor burster = new FrameProcessor("burster") {
            @Override
            protected void process(Frame frame, Direction direction) {
                push(frame, direction);
                if (frame instanceof StartFrame) {
                    for (int i = 0; i < burst; i++) {
                        push(new TranscriptionFrame("word " + i));
                    }
                }
            }
        };
        List<Frame> out = new CopyOnWriteArrayList<>();
        try (Pipeline pipeline = Pipeline.of(burster, new ThreadNoting("next")).onOutput(out::add).start()) {
            pipeline.end("done");
            assertThat(pipeline.awaitTermination(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(out.stream().filter(TranscriptionFrame.class::isInstance)).hasSize(burst);
        assertThat(out.get(1)).isEqualTo(new TranscriptionFrame("word 0"));
    }

    @Test
    void anErrorInOneStageStopsThatStageAndTheOthersGoOn() throws Exception {
        ThreadNoting first = new ThreadNoting("first");
        ThreadNoting broken = new ThreadNoting("broken") {
            @Override
            protected void process(Frame frame, Direction direction) {
                if (frame instanceof TranscriptionFrame) {
                    throw new AssertionError("a native library gave up");
                }
                super.process(frame, direction);
            }
        };
        List<Frame> upstream = new CopyOnWriteArrayList<>();
        try (Pipeline pipeline = Pipeline.of(first, broken).onUpstream(upstream::add).start()) {
            pipeline.queue(new TranscriptionFrame("boom"));
            assertThat(broken.awaitStopped(Duration.ofSeconds(5))).isTrue();
            assertThat(broken.released).hasValue(1);
            // The first stage still runs: a frame sent upstream from it reaches the pipeline's head.
            first.execute(() -> first.pushUpstreamForTest(new TranscriptionFrame("still here")));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (upstream.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(upstream).containsExactly(new TranscriptionFrame("still here"));
        }
    }

    @Test
    void closingAPipelineReleasesEveryProcessorOnTheStrand() throws Exception {
        ThreadNoting first = new ThreadNoting("first");
        ThreadNoting second = new ThreadNoting("second");
        Pipeline pipeline = Pipeline.of(first, second).start();
        pipeline.queue(new TranscriptionFrame("hello"));
        pipeline.close();
        assertThat(first.awaitStopped(Duration.ofSeconds(5))).isTrue();
        assertThat(second.awaitStopped(Duration.ofSeconds(5))).isTrue();
        assertThat(first.released).hasValue(1);
        assertThat(second.released).hasValue(1);
    }
}
