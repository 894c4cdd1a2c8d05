package dev.switchboard.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** For a writer thread that turns whatever queued meanwhile into one statement or transaction. */
public final class Batches {

    private Batches() {
    }

    /**
     * Waits up to {@code wait} for a first item, then takes what else is queued, up to {@code max} in all, without
     * waiting again; empty when nothing came (so the caller can check whether it should stop).
     */
    public static <T> List<T> next(BlockingQueue<T> queue, int max, Duration wait) throws InterruptedException {
        T first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return List.of();
        }
        List<T> batch = new ArrayList<>(Math.min(max, queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, max - 1);
        return batch;
    }
}
