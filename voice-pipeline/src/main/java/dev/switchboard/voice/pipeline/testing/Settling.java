package dev.switchboard.voice.pipeline.testing;

import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs an empty task on a processor's thread and waits for it: everything queued before has been handled. */
final class Settling {

    private Settling() {
    }

    /** Repeats until the processor's inbox was empty when the task ran, since tasks overtake queued frames. */
    static void runOn(FrameProcessor processor, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runOnce(processor, timeout)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(processor.name() + " did not settle within " + timeout);
            }
            try {
                Thread.sleep(2); // let the worker take ordered frames before the next probe overtakes them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static boolean runOnce(FrameProcessor processor, Duration timeout) {
        CountDownLatch done = new CountDownLatch(1);
        boolean[] empty = new boolean[1];
        processor.execute(() -> {
            empty[0] = processor.backlog() == 0;
            done.countDown();
        });
        try {
            if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError(processor.name() + " did not settle within " + timeout);
            }
            return empty[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + processor.name(), e);
        }
    }
}
