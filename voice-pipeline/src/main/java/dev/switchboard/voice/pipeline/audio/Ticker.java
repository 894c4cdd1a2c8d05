package dev.switchboard.voice.pipeline.audio;

/** The time source a pacer schedules against; a test supplies a virtual one. */
public interface Ticker {

    long nanoTime();

    void sleepUntil(long deadlineNanos) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining > 0) {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            }
        }
    };
}
