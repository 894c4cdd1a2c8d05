package dev.switchboard.fakes.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every request a fake received, in arrival order, for assertions; tests can wait for asynchronous senders. */
public final class RequestLog<T> {

    private final List<T> entries = new ArrayList<>();

    public synchronized void add(T entry) {
        entries.add(entry);
        notifyAll();
    }

    public synchronized List<T> all() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Waits until at least {@code count} entries arrived; throws AssertionError on timeout. */
    public synchronized List<T> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entries.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " entries within " + timeout + ", got "
                        + entries.size());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        return List.copyOf(entries);
    }
}
