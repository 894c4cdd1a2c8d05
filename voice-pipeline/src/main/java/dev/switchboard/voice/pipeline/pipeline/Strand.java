package dev.switchboard.voice.pipeline.pipeline;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual thread that runs the processors of a pipeline, one inbox item at a time. With a thread per processor,
 * each 20 ms frame of caller audio woke three threads (VAD, speech-to-text, the listening tap) and each reply chunk
 * as many again; with many calls on two cores those hand-offs, not the work, set the latency. On a strand a frame
 * pushed from one processor to the next is only queued, and the strand takes it on its next step: one wake-up per
 * frame that arrives from outside (the socket, a provider's connection, a timer), none between stages.
 *
 * <p>Processors keep their inboxes, lanes and ordering; only who runs them changes. A processor that blocks for long
 * (offline speech synthesis or recognition) keeps a thread of its own ({@link FrameProcessor#needsOwnThread()}), so it
 * cannot hold back the caller's audio on the way to turn-taking. The inboxes of processors on a strand never make a
 * sender wait: the strand's own thread would wait for itself.
 */
final class Strand {

    private static final Logger log = LoggerFactory.getLogger(Strand.class);

    private final ConcurrentLinkedQueue<FrameProcessor> ready = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final AtomicInteger members = new AtomicInteger();
    private final String name;
    private volatile Thread thread;

    Strand(String name) {
        this.name = name;
    }

    void join() {
        members.incrementAndGet();
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofVirtual().name(name).start(this::run);
        }
    }

    /** The processor has work: it runs after the processors already waiting. */
    void schedule(FrameProcessor processor) {
        if (processor.markScheduled()) {
            ready.add(processor);
            wake();
        }
    }

    /** A member processed its last item; the strand ends with its last member. */
    void left() {
        if (members.decrementAndGet() == 0) {
            wake();
        }
    }

    private void wake() {
        Thread current = thread;
        if (current != null && current != Thread.currentThread() && sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(current);
        }
    }

    private void run() {
        while (members.get() > 0) {
            FrameProcessor next = ready.poll();
            if (next == null) {
                // Announce the nap before the last look at the queue; a producer adds before it checks the flag,
                // so one of the two always sees the other.
                sleeping.set(true);
                if (ready.isEmpty() && members.get() > 0) {
                    LockSupport.park(this);
                }
                sleeping.set(false);
                continue;
            }
            next.clearScheduled();
            boolean more;
            try {
                more = next.runOne();
            } catch (RuntimeException | Error e) {
                // A processor's own failures become error frames; this is worse (a native library, memory). It
                // stops that processor, as it would have ended its own thread, and the other stages go on.
                log.error("{} failed on the pipeline's thread and stops", next.name(), e);
                next.stop();
                continue;
            }
            if (more) {
                schedule(next);
            }
        }
    }
}
