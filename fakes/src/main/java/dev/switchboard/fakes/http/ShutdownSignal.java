package dev.switchboard.fakes.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits that end early when the fake closes: scripted delays and stalls must never outlive their server. */
public final class ShutdownSignal {

    private final CountDownLatch fired = new CountDownLatch(1);

    void fire() {
        fired.countDown();
    }

    public boolean fired() {
        return fired.getCount() == 0;
    }

    /** Sleeps for {@code delay}; returns false when the server closed first. */
    public boolean sleep(Duration delay) {
        if (delay == null || delay.isZero() || delay.isNegative()) {
            return !fired();
        }
        try {
            return !fired.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Blocks until the server closes: the "stall that never finishes". */
    public void awaitClose() {
        try {
            fired.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
