package dev.switchboard.voice.pipeline.pipeline;

import dev.switchboard.voice.pipeline.frames.CancelFrame;
import dev.switchboard.voice.pipeline.frames.EndFrame;
import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stage of a pipeline. A processor takes frames from its inbox one at a time, on one thread at a time, so its
 * state needs no locks; callbacks from sockets or timers come back onto it through {@link #execute} and
 * {@link #schedule}. Frames not handled are passed on in the direction they travel. In a {@link Pipeline} the
 * processors share one thread, the pipeline's {@link Strand}, unless one {@link #needsOwnThread() needs its own};
 * a processor started on its own (a test harness) has its own virtual thread.
 */
public abstract class FrameProcessor {

    private static final Logger log = LoggerFactory.getLogger(FrameProcessor.class);
    private static final int DEFAULT_CAPACITY = 256;

    private final String name;
    private final Inbox inbox;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile FrameProcessor downstream;
    private volatile FrameProcessor upstream;
    private volatile Thread worker;
    private volatile Strand strand;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    protected FrameProcessor(String name) {
        this(name, DEFAULT_CAPACITY);
    }

    protected FrameProcessor(String name, int inboxCapacity) {
        this.name = Objects.requireNonNull(name);
        this.inbox = new Inbox(inboxCapacity);
    }

    /** Handles one frame on this processor's thread. Call {@link #push(Frame, Direction)} to pass it on. */
    protected abstract void process(Frame frame, Direction direction) throws Exception;

    /** Releases what the processor holds; runs on its thread after an end or cancel frame, or on stop. */
    protected void release() {
    }

    /**
     * Whether this processor's work is over once it has handled the frame: by default after an end or cancel frame.
     * Upstream frames sent to a stopped processor are lost (they are still logged where they arise).
     */
    protected boolean stopsAfter(Frame frame) {
        return frame instanceof EndFrame || frame instanceof CancelFrame;
    }

    /**
     * Whether this processor must not share the pipeline's thread: it blocks for long inside {@link #process} (offline
     * synthesis or recognition of a whole sentence), which would hold back every other stage of the call.
     */
    protected boolean needsOwnThread() {
        return false;
    }

    public final String name() {
        return name;
    }

    public final void linkTo(FrameProcessor next) {
        this.downstream = next;
        next.upstream = this;
    }

    /** Runs this processor on the pipeline's strand instead of a thread of its own (before it starts). */
    final void runOn(Strand shared) {
        if (!needsOwnThread()) {
            strand = shared;
            shared.join();
            inbox.unbounded();
        }
    }

    public final synchronized void start() {
        if (strand != null) {
            strand.start();
        } else if (worker == null) {
            worker = Thread.ofVirtual().name("voice-" + name).start(this::run);
        }
    }

    /** Delivers a frame into this processor's inbox; blocks while the ordered lane is full. */
    public final void queue(Frame frame, Direction direction) {
        try {
            inbox.put(new Envelope.Delivery(frame, direction));
            wakeStrand();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs an action on this processor's thread, ahead of the ordered stream. */
    public final void execute(Runnable action) {
        try {
            inbox.put(new Envelope.Task(action, true));
            wakeStrand();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs an action after the frames already queued in the ordered lane. A system frame overtakes the stream; this
     * lets a processor act on it at the point of the stream where it was sent (the VAD's stop, after the speech
     * that preceded it).
     */
    protected final void runInOrder(Runnable action) {
        try {
            inbox.put(new Envelope.Task(action, false));
            wakeStrand();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs an action on this processor's thread after a delay, unless cancelled first. */
    protected final Scheduled schedule(Duration delay, Runnable action) {
        return Scheduled.after(delay, () -> execute(action));
    }

    protected final void push(Frame frame, Direction direction) {
        FrameProcessor target = direction == Direction.DOWNSTREAM ? downstream : upstream;
        if (target != null) {
            target.queue(frame, direction);
        }
    }

    protected final void push(Frame frame) {
        push(frame, Direction.DOWNSTREAM);
    }

    protected final void pushUpstream(Frame frame) {
        push(frame, Direction.UPSTREAM);
    }

    /** Reports a non-fatal failure upstream, where another stage or the pipeline's owner may act on it. */
    protected final void pushError(Throwable error) {
        log.warn("{} failed: {}", name, error.toString());
        pushUpstream(ErrorFrame.of(name, error));
    }

    /** Stops the worker without waiting for an end frame (used when a pipeline is torn down). */
    public final void stop() {
        inbox.close();
        if (strand != null) {
            strand.schedule(this); // the strand notices the closed inbox and releases the processor
            return;
        }
        Thread current = worker;
        if (current != null && current != Thread.currentThread()) {
            current.interrupt();
        }
    }

    public final boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Items waiting in the inbox; lets a test wait until a processor has caught up. */
    public final int backlog() {
        return inbox.size();
    }

    protected final boolean isStopping() {
        return inbox.isClosed();
    }

    private void run() {
        try {
            while (!inbox.isClosed()) {
                Envelope next = inbox.take();
                if (next == null) {
                    break;
                }
                handle(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void wakeStrand() {
        Strand shared = strand;
        if (shared != null) {
            shared.schedule(this);
        }
    }

    /** Claims a place in the strand's queue; false when it holds one already. */
    final boolean markScheduled() {
        return scheduled.compareAndSet(false, true);
    }

    final void clearScheduled() {
        scheduled.set(false);
    }

    /** One inbox item on the strand's thread; whether more are waiting. */
    final boolean runOne() {
        if (finished.get()) {
            return false;
        }
        Envelope next = inbox.poll();
        if (next != null) {
            handle(next);
        }
        if (inbox.isClosed()) {
            finish();
            return false;
        }
        return inbox.size() > 0;
    }

    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        inbox.close();
        try {
            release();
        } catch (RuntimeException e) {
            log.warn("{} failed to release resources", name, e);
        }
        stopped.countDown();
        if (strand != null) {
            strand.left();
        }
    }

    private void handle(Envelope envelope) {
        switch (envelope) {
            case Envelope.Task task -> runSafely(task.action());
            case Envelope.Delivery delivery -> deliver(delivery.frame(), delivery.direction());
        }
    }

    private void deliver(Frame frame, Direction direction) {
        if (frame instanceof InterruptionFrame && direction == Direction.DOWNSTREAM) {
            inbox.dropData();
        }
        runSafely(() -> {
            try {
                process(frame, direction);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ProcessingFailed(e);
            }
        });
        if (direction == Direction.DOWNSTREAM && stopsAfter(frame)) {
            inbox.close();
        }
    }

    private void runSafely(Runnable action) {
        try {
            action.run();
        } catch (ProcessingFailed e) {
            pushError(e.getCause());
        } catch (RuntimeException e) {
            pushError(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static final class ProcessingFailed extends RuntimeException {
        ProcessingFailed(Exception cause) {
            super(cause);
        }
    }
}
