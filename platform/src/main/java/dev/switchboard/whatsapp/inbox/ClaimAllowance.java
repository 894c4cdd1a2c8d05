package dev.switchboard.whatsapp.inbox;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How many inbox rows per second the workers of this node may claim: it grows while webhooks are written fast
 * (by {@link #STEP} or {@link #GROWTH}, whichever is more, every {@link #STEP_NANOS}) and is halved when their writes
 * slow down. Processing a claimed message costs far more than acknowledging one
 * (a turn, a tool call, a send and three statuses against one insert), so when both outgrow the machine the
 * acknowledgements keep their share and the backlog waits, durable, in the inbox. Without webhook traffic there is
 * nothing to protect and the allowance is unlimited.
 *
 * <p>Rows are paid from a bucket refilled at the allowed rate; it holds at most a fiftieth of a second of it, so
 * claims come evenly and a pause never turns into a burst. The floor keeps processing moving under any load.
 */
final class ClaimAllowance {

    enum Load { IDLE, HEALTHY, STRAINED }

    static final double UNLIMITED = 100_000;
    /** Never less: a single slow commit on a quiet node must not hold back a tenant's few messages for long. */
    static final double FLOOR = 50;
    /** Added per step without strain, in rows per second, while that is more than {@link #GROWTH}. */
    static final double STEP = 10;
    static final long STEP_NANOS = 100_000_000L;
    /** Growth per step without strain, as a share of the allowance, when that is more than {@link #STEP}. */
    static final double GROWTH = 0.05;
    /** What a step with strain keeps of the allowance (or of the rate actually claimed, if lower). */
    static final double CUT = 0.5;
    /** A halving shows in the write latencies only once the work claimed before it is done: wait that long. */
    static final long BACKOFF_NANOS = 300_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier clock;
    private final Supplier<Load> load;
    private double rate = UNLIMITED;
    private double tokens;
    private long refilledAt;
    private long adjustedAt;
    private long halvedAt;
    private long windowStart;
    private long takenThisWindow;
    private long takenLastWindow;

    ClaimAllowance(LongSupplier nanoClock, Supplier<Load> load) {
        this.clock = nanoClock;
        this.load = load;
        long now = nanoClock.getAsLong();
        this.refilledAt = now;
        this.adjustedAt = now;
        this.windowStart = now;
        this.halvedAt = now - BACKOFF_NANOS;
        this.tokens = capacity();
    }

    /** Takes up to {@code wanted} rows from the allowance: 0 when none is available yet (see {@link #waitNanos()}). */
    synchronized int take(int wanted) {
        long now = clock.getAsLong();
        update(now);
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= granted;
        takenThisWindow += granted;
        return granted;
    }

    /** Gives back rows taken but not claimed (fewer were due). */
    synchronized void giveBack(int rows) {
        tokens = Math.min(capacity(), tokens + rows);
        takenThisWindow = Math.max(0, takenThisWindow - rows);
    }

    /** How long until the allowance holds a whole row again, at the current rate. */
    synchronized long waitNanos() {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate * SECOND);
    }

    synchronized double rate() {
        return rate;
    }

    private void update(long now) {
        if (now - windowStart >= SECOND) {
            takenLastWindow = now - windowStart < 2 * SECOND ? takenThisWindow : 0;
            takenThisWindow = 0;
            windowStart = now;
        }
        if (now - adjustedAt >= STEP_NANOS) {
            long steps = (now - adjustedAt) / STEP_NANOS;
            adjustedAt += steps * STEP_NANOS;
            switch (load.get()) {
                case IDLE -> rate = UNLIMITED;
                case HEALTHY -> {
                    for (long i = 0; i < Math.min(steps, 50); i++) {
                        rate = Math.min(UNLIMITED, rate + Math.max(STEP, rate * GROWTH));
                    }
                }
                case STRAINED -> {
                    if (now - halvedAt >= BACKOFF_NANOS) {
                        // From what was actually claimed lately, not from an allowance nobody used: coming down from
                        // "unlimited" by halving alone would take a dozen steps of strain.
                        rate = Math.max(FLOOR, Math.min(rate, recentRate(now)) * CUT);
                        halvedAt = now;
                    }
                }
            }
        }
        tokens = Math.min(capacity(), tokens + (now - refilledAt) / (double) SECOND * rate);
        refilledAt = now;
    }

    /** Rows taken per second over the last one to two seconds. */
    private double recentRate(long now) {
        double seconds = 1 + (now - windowStart) / (double) SECOND;
        return (takenLastWindow + takenThisWindow) / seconds;
    }

    private double capacity() {
        return Math.max(1, rate / 50);
    }
}
