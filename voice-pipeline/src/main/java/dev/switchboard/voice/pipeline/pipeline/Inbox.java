package dev.switchboard.voice.pipeline.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A processor's queue: an urgent lane (system frames, upstream frames, tasks) that is served first, and a bounded
 * ordered lane for the downstream stream. A full ordered lane blocks the sender, which is how back-pressure reaches
 * the transport. The urgent lane is unbounded so that feedback travelling upstream can never deadlock.
 */
final class Inbox {

    private final int capacity;
    private volatile boolean bounded = true;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Envelope> urgent = new ArrayDeque<>();
    private final ArrayDeque<Envelope> ordered = new ArrayDeque<>();
    private boolean closed;

    Inbox(int capacity) {
        this.capacity = capacity;
    }

    /** Never makes a sender wait (the inbox of a processor on a strand, whose thread would wait for itself). */
    void unbounded() {
        bounded = false;
    }

    void put(Envelope envelope) throws InterruptedException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (envelope.urgent()) {
                urgent.add(envelope);
            } else if (envelope instanceof Envelope.Task) {
                ordered.add(envelope); // queued by the processor itself: waiting for space would deadlock it
            } else {
                while (bounded && ordered.size() >= capacity && !closed) {
                    notFull.await();
                }
                if (closed) {
                    return;
                }
                ordered.add(envelope);
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next item, urgent ones first; null when closed and drained, or when the timeout passed. */
    Envelope take(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (urgent.isEmpty() && ordered.isEmpty()) {
                if (closed || remaining <= 0) {
                    return null;
                }
                remaining = notEmpty.awaitNanos(remaining);
            }
            Envelope next = urgent.isEmpty() ? ordered.poll() : urgent.poll();
            notFull.signal();
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** The next item, urgent ones first, without waiting; null when there is none. */
    Envelope poll() {
        lock.lock();
        try {
            Envelope next = urgent.isEmpty() ? ordered.poll() : urgent.poll();
            if (next != null) {
                notFull.signal();
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    Envelope take() throws InterruptedException {
        return take(TimeUnit.DAYS.toNanos(1));
    }

    /** Drops the queued stream data (an interruption); ordered control frames stay. */
    int dropData() {
        lock.lock();
        try {
            int before = ordered.size();
            ordered.removeIf(e -> e instanceof Envelope.Delivery d && d.droppedByInterruption());
            notFull.signalAll();
            return before - ordered.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting work: queued items are discarded and blocked senders are released. */
    void close() {
        lock.lock();
        try {
            closed = true;
            urgent.clear();
            ordered.clear();
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return urgent.size() + ordered.size();
        } finally {
            lock.unlock();
        }
    }
}
