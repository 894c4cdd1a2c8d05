package dev.switchboard.voice.pipeline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.BotStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.TtsStartedFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserTurnFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TurnTimingsTest {

    @Test
    void splitsATurnsLatencyIntoItsStages() {
        AtomicLong now = new AtomicLong();
        List<TurnTimings.TurnTiming> reported = new ArrayList<>();
        TurnTimings timings = new TurnTimings(reported::add, now::get);
        timings.seen(new UserStoppedSpeakingFrame());
        now.set(300_000_000);
        timings.seen(new UserTurnFrame("hello"));
        now.set(700_000_000);
        timings.seen(new TtsStartedFrame());
        now.set(850_000_000);
        timings.seen(new BotStartedSpeakingFrame());
        assertThat(reported).containsExactly(new TurnTimings.TurnTiming(Duration.ofMillis(300), Duration.ofMillis(400),
                Duration.ofMillis(150), Duration.ofMillis(850)));
    }

    @Test
    void theBotsAudioMayBeObservedBeforeSynthesisStarted() {
        AtomicLong now = new AtomicLong();
        List<TurnTimings.TurnTiming> reported = new ArrayList<>();
        TurnTimings timings = new TurnTimings(reported::add, now::get);
        timings.seen(new UserStoppedSpeakingFrame());
        now.set(100_000_000);
        timings.seen(new UserTurnFrame("hello"));
        now.set(500_000_000);
        timings.seen(new BotStartedSpeakingFrame());
        now.set(501_000_000);
        timings.seen(new TtsStartedFrame());
        assertThat(reported).extracting(TurnTimings.TurnTiming::total).containsExactly(Duration.ofMillis(500));
        assertThat(reported.getFirst().firstAudio()).isZero();
    }

    @Test
    void anInterruptedTurnIsNotReportedAndTheGreetingIsNoTurn() {
        List<TurnTimings.TurnTiming> reported = new ArrayList<>();
        TurnTimings timings = new TurnTimings(reported::add, System::nanoTime);
        timings.seen(new TtsStartedFrame());
        timings.seen(new BotStartedSpeakingFrame());
        timings.seen(new UserStoppedSpeakingFrame());
        timings.seen(new UserTurnFrame("hello"));
        timings.seen(new InterruptionFrame());
        timings.seen(new TtsStartedFrame());
        timings.seen(new BotStartedSpeakingFrame());
        assertThat(reported).isEmpty();
    }
}
