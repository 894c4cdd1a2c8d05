package dev.switchboard.voice.pipeline.pipeline;

import dev.switchboard.voice.pipeline.frames.BotStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.TtsStartedFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserTurnFrame;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Measures each turn's latency by stage from frames a pipeline already emits: the caller stops speaking (VAD), the
 * turn is handed to the LLM (recognition and turn detection), the first sentence reaches speech synthesis (LLM
 * time to first sentence), and the bot's audio starts playing (synthesis and transport).
 */
public final class TurnTimings {

    /** One turn's latencies; {@code total} runs from the caller's last word to the bot's first. */
    public record TurnTiming(Duration turnDetection, Duration firstSentence, Duration firstAudio, Duration total) {
    }

    private final Consumer<TurnTiming> listener;
    private final LongSupplier clock;
    private long userStopped = -1;
    private long turnEnded = -1;
    private long ttsStarted = -1;
    private long audioStarted = -1;

    TurnTimings(Consumer<TurnTiming> listener, LongSupplier clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /** Reports every completed turn of the pipeline to the listener (on the pipeline's threads). */
    public static void observe(Pipeline pipeline, Consumer<TurnTiming> listener) {
        TurnTimings timings = new TurnTimings(listener, System::nanoTime);
        pipeline.onOutput(timings::seen).onUpstream(timings::seen);
    }

    synchronized void seen(Frame frame) {
        long now = clock.getAsLong();
        switch (frame) {
            case UserStoppedSpeakingFrame stopped -> userStopped = now;
            case UserTurnFrame turn when userStopped >= 0 -> turnEnded = now;
            case TtsStartedFrame started when turnEnded >= 0 && ttsStarted < 0 -> ttsStarted = now;
            case BotStartedSpeakingFrame speaking when turnEnded >= 0 && audioStarted < 0 -> audioStarted = now;
            case InterruptionFrame interruption -> reset();
            default -> { }
        }
        // The two last marks are seen at opposite ends of the pipeline, so either may be observed first.
        if (ttsStarted >= 0 && audioStarted >= 0) {
            report();
        }
    }

    private void report() {
        listener.accept(new TurnTiming(Duration.ofNanos(turnEnded - userStopped), Duration.ofNanos(ttsStarted - turnEnded),
                Duration.ofNanos(Math.max(0, audioStarted - ttsStarted)), Duration.ofNanos(audioStarted - userStopped)));
        reset();
    }

    private void reset() {
        userStopped = -1;
        turnEnded = -1;
        ttsStarted = -1;
        audioStarted = -1;
    }
}
