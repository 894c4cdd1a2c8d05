package dev.switchboard.voice.pipeline.audio;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Plays queued audio out in real time: one 20 ms frame every 20 ms, however fast the synthesiser produced it.
 * Deadlines are absolute (start + n x 20 ms), so a late wake-up shortens the next wait instead of pushing every
 * later frame back; after a stall longer than {@link #MAX_LATE_FRAMES} frames the schedule restarts rather than
 * bursting. Between utterances the clock stops, so the next utterance starts at once.
 */
public final class AudioPacer implements AutoCloseable {

    public static final int FRAME_BYTES = 160;
    public static final long FRAME_NANOS = 20_000_000L;
    private static final int MAX_LATE_FRAMES = 5;

    private final PlaybackSink sink;
    private final Ticker ticker;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final Thread worker;
    private byte[] partial = new byte[0];
    private boolean closed;
    private volatile boolean speaking;
    private long epoch;
    private long polledEpoch;
    private long scheduleStart;
    private long framesPlayed;

    public AudioPacer(PlaybackSink sink, Ticker ticker) {
        this.sink = sink;
        this.ticker = ticker;
        this.worker = Thread.ofVirtual().name("voice-pacer").start(this::run);
    }

    /** Queues audio; it is cut into 20 ms frames, a trailing partial frame waiting for more audio or a marker. */
    public void enqueueAudio(byte[] mulaw) {
        lock.lock();
        try {
            byte[] joined = concat(partial, mulaw);
            int whole = joined.length - joined.length % FRAME_BYTES;
            for (int offset = 0; offset < whole; offset += FRAME_BYTES) {
                queue.add(Arrays.copyOfRange(joined, offset, offset + FRAME_BYTES));
            }
            partial = Arrays.copyOfRange(joined, whole, joined.length);
            queued.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Queues a marker after the audio so far; a partial frame is padded with silence so it plays first. */
    public void enqueueMarker(Object marker) {
        lock.lock();
        try {
            flushPartial();
            queue.add(new Marker(marker));
            queued.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Pads and queues a trailing partial frame, so the end of the audio plays too. */
    public void flush() {
        lock.lock();
        try {
            flushPartial();
            queued.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything not yet played (barge-in) and returns the markers that will never be reached. */
    public List<Object> clear() {
        lock.lock();
        try {
            List<Object> dropped = queue.stream().filter(Marker.class::isInstance).map(m -> ((Marker) m).value()).toList();
            queue.clear();
            partial = new byte[0];
            epoch++;
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Whether audio is queued or playing. */
    public boolean isBusy() {
        lock.lock();
        try {
            return speaking || !queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
        worker.interrupt();
    }

    private void run() {
        try {
            while (true) {
                Object next = nextItem(speaking ? scheduleStart + (framesPlayed + 1) * FRAME_NANOS : -1);
                if (next == null && closed) {
                    return;
                }
                switch (next) {
                    case null -> {
                        if (speaking) {
                            setSpeaking(false);
                        }
                    }
                    case Marker marker -> sink.reached(marker.value());
                    default -> playOnSchedule((byte[]) next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frame n of an utterance is due at start + n x 20 ms; only the worker thread touches the schedule. */
    private void playOnSchedule(byte[] frame) throws InterruptedException {
        long taken = polledEpoch;
        if (!speaking) {
            setSpeaking(true);
            restartSchedule();
        }
        long deadline = scheduleStart + framesPlayed * FRAME_NANOS;
        if (ticker.nanoTime() - deadline > MAX_LATE_FRAMES * FRAME_NANOS) {
            restartSchedule(); // a long stall: start afresh instead of bursting to catch up
            deadline = scheduleStart;
        }
        ticker.sleepUntil(deadline);
        playUnlessCleared(frame, taken);
        framesPlayed++;
    }

    private void restartSchedule() {
        scheduleStart = ticker.nanoTime();
        framesPlayed = 0;
    }

    /** The next queued item; waits until {@code idleAtNanos} (or forever when negative), then null. */
    private Object nextItem(long idleAtNanos) throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                if (idleAtNanos < 0) {
                    queued.await();
                } else {
                    long remaining = idleAtNanos - ticker.nanoTime();
                    if (remaining > 0) {
                        queued.awaitNanos(remaining);
                    }
                    if (queue.isEmpty()) {
                        return null; // a single timed wait, so a virtual ticker cannot spin here
                    }
                }
            }
            polledEpoch = epoch;
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** A frame taken just before a clear must not play after it: Twilio would play it after the clear. */
    private void playUnlessCleared(byte[] frame, long taken) {
        lock.lock();
        try {
            if (taken == epoch) {
                sink.play(frame);
            }
        } finally {
            lock.unlock();
        }
    }

    private void setSpeaking(boolean now) {
        speaking = now;
        if (now) {
            sink.startedSpeaking();
        } else {
            sink.stoppedSpeaking();
        }
    }

    private void flushPartial() {
        if (partial.length > 0) {
            byte[] frame = new byte[FRAME_BYTES];
            Arrays.fill(frame, MuLaw.SILENCE);
            System.arraycopy(partial, 0, frame, 0, partial.length);
            queue.add(frame);
            partial = new byte[0];
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private record Marker(Object value) {
    }
}
