package dev.switchboard.voice.pipeline.vad;

import java.time.Duration;

/**
 * The start/stop state machine over per-window speech probabilities. Requiring several windows in a row both ways
 * keeps a cough from starting a turn and a short pause between words from ending one.
 *
 * <p>A model keeps calling windows speech for a while after the words ended ({@code lagWindows}: its context and
 * recurrent state still hold them), so those windows already count as silence the caller made: the stop is
 * announced after {@code stop} of silence, not {@code stop} plus the model's lag.
 */
public final class VoiceActivity {

    /** What a window changed. */
    public enum Change { NONE, STARTED, STOPPED }

    private enum State { QUIET, STARTING, SPEAKING, STOPPING }

    private final float confidence;
    private final int startWindows;
    private final int stopWindows;
    private State state = State.QUIET;
    private int run;

    public VoiceActivity(VadParams params, Duration window) {
        this(params, window, 0);
    }

    public VoiceActivity(VadParams params, Duration window, int lagWindows) {
        this.confidence = params.confidence();
        this.startWindows = params.windows(params.start(), window);
        this.stopWindows = Math.max(1, params.windows(params.stop(), window) - lagWindows);
    }

    public Change update(float probability) {
        boolean speech = probability >= confidence;
        return switch (state) {
            case QUIET, STARTING -> speech ? towardsSpeaking() : settle(State.QUIET);
            case SPEAKING, STOPPING -> speech ? settle(State.SPEAKING) : towardsQuiet();
        };
    }

    /** Neither speaking nor on the way to it: the only state in which a window may be judged without the model. */
    public boolean idle() {
        return state == State.QUIET;
    }

    public boolean speaking() {
        return state == State.SPEAKING || state == State.STOPPING;
    }

    private Change towardsSpeaking() {
        run = state == State.STARTING ? run + 1 : 1;
        if (run >= startWindows) {
            return enter(State.SPEAKING, Change.STARTED);
        }
        state = State.STARTING;
        return Change.NONE;
    }

    private Change towardsQuiet() {
        run = state == State.STOPPING ? run + 1 : 1;
        if (run >= stopWindows) {
            return enter(State.QUIET, Change.STOPPED);
        }
        state = State.STOPPING;
        return Change.NONE;
    }

    private Change settle(State steady) {
        state = steady;
        run = 0;
        return Change.NONE;
    }

    private Change enter(State next, Change change) {
        state = next;
        run = 0;
        return change;
    }
}
