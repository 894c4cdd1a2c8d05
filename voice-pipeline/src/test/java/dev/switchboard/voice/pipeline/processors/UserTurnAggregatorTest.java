package dev.switchboard.voice.pipeline.processors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.BotStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.BotStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.InterimTranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallFinishedFrame;
import dev.switchboard.voice.pipeline.frames.ToolCallStartedFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.UserStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserTurnFrame;
import dev.switchboard.voice.pipeline.llm.Transcript;
import dev.switchboard.voice.pipeline.llm.TranscriptEntry;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UserTurnAggregatorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Transcript transcript = new Transcript();

    private FrameProcessorHarness start(TurnSettings settings) {
        return FrameProcessorHarness.start(new UserTurnAggregator(settings, transcript));
    }

    @Test
    void vadStopEndsTheTurnOnceTheFinalTranscriptionIsIn() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS)) {
            harness.push(new UserStartedSpeakingFrame(), new TranscriptionFrame("book a table"),
                    new TranscriptionFrame("for two"));
            harness.settle();
            assertThat(harness.downstream().frames(UserTurnFrame.class)).isEmpty();
            harness.push(new UserStoppedSpeakingFrame());
            assertThat(harness.downstream().await(UserTurnFrame.class, WAIT).text()).isEqualTo("book a table for two");
            assertThat(transcript.entries()).extracting(TranscriptEntry::text).containsExactly("book a table for two");
        }
    }

    @Test
    void aTranscriptionArrivingAfterTheVadStopEndsTheTurnAtOnce() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS)) {
            harness.push(new UserStartedSpeakingFrame(), new UserStoppedSpeakingFrame(), new TranscriptionFrame("yes please"));
            assertThat(harness.downstream().await(UserTurnFrame.class, WAIT).text()).isEqualTo("yes please");
        }
    }

    @Test
    void withoutAFinalTheTurnEndsAfterTheMaximumWaitWithTheInterimText() {
        TurnSettings settings = new TurnSettings(TurnSettings.EndOfTurn.VAD, Duration.ofMillis(200), false, false, 0);
        try (FrameProcessorHarness harness = start(settings)) {
            harness.push(new UserStartedSpeakingFrame(), new InterimTranscriptionFrame("cancel my"),
                    new UserStoppedSpeakingFrame());
            assertThat(harness.downstream().await(UserTurnFrame.class, WAIT).text()).isEqualTo("cancel my");
        }
    }

    @Test
    void aLateFinalIsWaitedForWithinTheMaximumWaitRatherThanTheInterimTaken() throws InterruptedException {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS.withMaxWait(Duration.ofSeconds(10)))) {
            harness.push(new UserStartedSpeakingFrame(), new InterimTranscriptionFrame("when"), new UserStoppedSpeakingFrame());
            Thread.sleep(1800); // longer than the default wait: a busy machine's recogniser is this late
            assertThat(harness.downstream().frames(UserTurnFrame.class)).isEmpty();
            harness.push(new TranscriptionFrame("I want to talk to a person"));
            assertThat(harness.downstream().await(UserTurnFrame.class, WAIT).text()).isEqualTo("I want to talk to a person");
        }
    }

    @Test
    void anEmptyFinalAfterTheStopEndsTheTurnAtOnceWithWhatWasHeard() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS.withMaxWait(Duration.ofMinutes(5)))) {
            harness.push(new UserStartedSpeakingFrame(), new InterimTranscriptionFrame("cancel"), new UserStoppedSpeakingFrame(),
                    new TranscriptionFrame(""));
            assertThat(harness.downstream().await(UserTurnFrame.class, WAIT).text()).isEqualTo("cancel");
        }
    }

    @Test
    void anEmptyFinalWhileTheCallerStillSpeaksIsNoTurn() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS)) {
            harness.push(new UserStartedSpeakingFrame(), new TranscriptionFrame(""), new TranscriptionFrame("yes"));
            harness.settle();
            assertThat(harness.downstream().frames(UserTurnFrame.class)).isEmpty();
            harness.push(new UserStoppedSpeakingFrame());
            assertThat(harness.downstream().await(UserTurnFrame.class, WAIT).text()).isEqualTo("yes");
        }
    }

    @Test
    void preferringTheRecogniserEndsTheTurnOnItsFinalEvenWhileTheVadHearsSpeech() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS.withEndOfTurn(TurnSettings.EndOfTurn.STT))) {
            harness.push(new UserStartedSpeakingFrame(), new TranscriptionFrame("what time do you open"));
            assertThat(harness.downstream().await(UserTurnFrame.class, WAIT).text()).isEqualTo("what time do you open");
        }
    }

    @Test
    void speakingOverTheBotInterruptsIt() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS.withInterruptions(true, true))) {
            harness.pushUpstream(new BotStartedSpeakingFrame());
            harness.push(new UserStartedSpeakingFrame());
            harness.downstream().await(InterruptionFrame.class, WAIT);
            harness.upstream().awaitCount(BotStartedSpeakingFrame.class, 1, WAIT); // passed on to earlier stages
        }
    }

    @Test
    void withMinimumWordsABackchannelDoesNotInterruptButASentenceDoes() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS.withInterruptions(true, true).withMinWords(3))) {
            harness.pushUpstream(new BotStartedSpeakingFrame());
            harness.push(new UserStartedSpeakingFrame(), new InterimTranscriptionFrame("uh huh"));
            harness.settle();
            assertThat(harness.downstream().frames(InterruptionFrame.class)).isEmpty();
            harness.push(new InterimTranscriptionFrame("no wait I said"));
            harness.downstream().await(InterruptionFrame.class, WAIT);
        }
    }

    @Test
    void theGreetingIsNotInterruptibleByDefaultButTheNextAnswerIs() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS)) {
            harness.pushUpstream(new BotStartedSpeakingFrame());
            harness.push(new UserStartedSpeakingFrame(), new TranscriptionFrame("hello"), new UserStoppedSpeakingFrame());
            harness.settle();
            assertThat(harness.downstream().frames(InterruptionFrame.class)).isEmpty();
            assertThat(harness.downstream().frames(UserTurnFrame.class)).isEmpty();
            harness.pushUpstream(new BotStoppedSpeakingFrame(), new BotStartedSpeakingFrame());
            harness.push(new UserStartedSpeakingFrame());
            harness.downstream().await(InterruptionFrame.class, WAIT);
        }
    }

    @Test
    void aRunningToolCallSuspendsInterruptions() {
        try (FrameProcessorHarness harness = start(TurnSettings.DEFAULTS.withInterruptions(true, false))) {
            harness.pushUpstream(new ToolCallStartedFrame("t1", "lookup"), new BotStartedSpeakingFrame());
            harness.push(new UserStartedSpeakingFrame());
            harness.settle();
            assertThat(harness.downstream().frames(InterruptionFrame.class)).isEmpty();
            harness.pushUpstream(new ToolCallFinishedFrame("t1", "lookup", true));
            harness.push(new UserStartedSpeakingFrame());
            harness.downstream().await(InterruptionFrame.class, WAIT);
        }
    }
}
