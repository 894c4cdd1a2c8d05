package dev.switchboard.voice.pipeline.testing;

import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.pipeline.Direction;
import dev.switchboard.voice.pipeline.pipeline.FrameProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The recording end of a harness: keeps every frame that arrives travelling in its direction. */
public final class FrameRecorder extends FrameProcessor {

    private final Direction recorded;
    private final List<Frame> frames = new ArrayList<>();
    private volatile FrameRecorder errorSource;

    FrameRecorder(String name, Direction recorded) {
        super(name, 100_000);
        this.recorded = recorded;
    }

    @Override
    protected void process(Frame frame, Direction direction) {
        if (direction == recorded) {
            synchronized (frames) {
                frames.add(frame);
                frames.notifyAll();
            }
        } else {
            push(frame, direction);
        }
    }

    /** Failure messages also list the errors the other end recorded: a timeout is usually explained by one. */
    void reportErrorsFrom(FrameRecorder other) {
        this.errorSource = other;
    }

    public List<Frame> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    public <T extends Frame> List<T> frames(Class<T> type) {
        return frames().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for the first recorded frame of a type. */
    public <T extends Frame> T await(Class<T> type, Duration timeout) {
        return type.cast(awaitMatching(type::isInstance, timeout, type.getSimpleName()));
    }

    /** Waits until a frame matching the condition has been recorded, and returns the first such frame. */
    public Frame awaitMatching(Predicate<Frame> condition, Duration timeout, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            while (true) {
                for (Frame frame : frames) {
                    if (condition.test(frame)) {
                        return frame;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || fatalErrorSeen()) {
                    throw new AssertionError("no " + description + " " + recorded.name().toLowerCase()
                            + " within " + timeout + "; saw " + summary());
                }
                waitNanos(remaining);
            }
        }
    }

    /** Waits until at least {@code count} frames of a type have been recorded. */
    public <T extends Frame> List<T> awaitCount(Class<T> type, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            while (frames(type).size() < count) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("expected " + count + " " + type.getSimpleName() + " within " + timeout
                            + "; saw " + summary());
                }
                waitNanos(remaining);
            }
            return frames(type);
        }
    }

    public void clear() {
        synchronized (frames) {
            frames.clear();
        }
    }

    private void waitNanos(long nanos) {
        try {
            frames.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A fatal error means the awaited frame will never come: fail at once, with the error in the message. */
    private boolean fatalErrorSeen() {
        return errorSource != null && errorSource != this
                && errorSource.frames(ErrorFrame.class).stream().anyMatch(ErrorFrame::fatal);
    }

    private String summary() {
        List<Frame> seen = frames();
        List<String> names = seen.stream().map(f -> f.getClass().getSimpleName()).distinct().toList();
        String errors = errorSource == null ? "" : "; errors: " + errorSource.frames(ErrorFrame.class);
        return seen.size() + " frames " + names + errors;
    }
}
