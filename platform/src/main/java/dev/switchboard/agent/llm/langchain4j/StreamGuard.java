package dev.switchboard.agent.llm.langchain4j;

import dev.switchboard.agent.llm.Cancellation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Bounds one streamed model response: the stream closes when the turn is cancelled (barge-in) or when no byte
 * arrived for {@code idleTimeout} (a stalled provider); closing makes the blocked read fail, which ends the call.
 */
final class StreamGuard {

    private static final ScopedValue<StreamGuard> CURRENT = ScopedValue.newInstance();

    private final Cancellation cancellation;
    private final Duration idleTimeout;
    private volatile boolean idled;

    private StreamGuard(Cancellation cancellation, Duration idleTimeout) {
        this.cancellation = cancellation;
        this.idleTimeout = idleTimeout;
    }

    static <T> T around(Cancellation cancellation, Duration idleTimeout, Callable<T> call) throws Exception {
        return ScopedValue.where(CURRENT, new StreamGuard(cancellation, idleTimeout)).call(call::call);
    }

    /** Whether the last watched stream was closed for being idle. */
    static boolean timedOut() {
        return CURRENT.isBound() && CURRENT.get().idled;
    }

    static InputStream watch(InputStream body) {
        return CURRENT.isBound() ? CURRENT.get().guard(body) : body;
    }

    private InputStream guard(InputStream body) {
        Watched watched = new Watched(body);
        cancellation.onCancel(watched::quietClose);
        Thread.ofVirtual().name("llm-stream-watchdog").start(() -> watchdog(watched));
        return watched;
    }

    private void watchdog(Watched watched) {
        long idleNanos = idleTimeout.toNanos();
        while (!watched.closed) {
            try {
                Thread.sleep(Math.min(250, Math.max(1, idleTimeout.toMillis())));
            } catch (InterruptedException e) {
                return;
            }
            if (System.nanoTime() - watched.lastRead > idleNanos) {
                idled = true;
                watched.quietClose();
            }
        }
    }

    private static final class Watched extends FilterInputStream {

        volatile long lastRead = System.nanoTime();
        volatile boolean closed;

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            lastRead = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            lastRead = System.nanoTime();
            return n;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }

        void quietClose() {
            try {
                close();
            } catch (IOException ignored) {
                // the reader sees the stream end, which is the point
            }
        }
    }
}
