package dev.switchboard.voice.pipeline.pipeline;

import java.time.Duration;

/** A delayed action that can still be called off; backed by a sleeping virtual thread, which costs next to nothing. */
public final class Scheduled {

    private final Thread sleeper;

    private Scheduled(Thread sleeper) {
        this.sleeper = sleeper;
    }

    static Scheduled after(Duration delay, Runnable action) {
        return new Scheduled(Thread.ofVirtual().name("voice-timer").start(() -> {
            try {
                Thread.sleep(delay);
                action.run();
            } catch (InterruptedException e) {
                // cancelled
            }
        }));
    }

    public void cancel() {
        sleeper.interrupt();
    }
}
