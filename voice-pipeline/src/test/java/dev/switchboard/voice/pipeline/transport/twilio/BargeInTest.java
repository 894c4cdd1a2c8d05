package dev.switchboard.voice.pipeline.transport.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.frames.BotStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.UserStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.llm.LlmProcessor;
import dev.switchboard.voice.pipeline.llm.LlmSettings;
import dev.switchboard.voice.pipeline.llm.ScriptedAgent;
import dev.switchboard.voice.pipeline.llm.Transcript;
import dev.switchboard.voice.pipeline.llm.TranscriptEntry;
import dev.switchboard.voice.pipeline.pipeline.Pipeline;
import dev.switchboard.voice.pipeline.processors.AssistantTurnAggregator;
import dev.switchboard.voice.pipeline.processors.TurnSettings;
import dev.switchboard.voice.pipeline.processors.UserTurnAggregator;
import dev.switchboard.voice.pipeline.tts.flite.FliteSynthesizer;
import dev.switchboard.voice.pipeline.tts.flite.FliteTts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The caller interrupts the bot in the middle of a long answer: the LLM reply is cancelled, audio still queued is
 * never sent, Twilio is told to clear what it buffered, and the transcript keeps only the sentences whose marks
 * Twilio echoed before the clear.
 */
class BargeInTest {

    private static final String GREETING = "Hello, thanks for calling.";
    private static final List<String> ANSWER = List.of("We open at nine in the morning on weekdays.",
            "On Saturdays we open at ten and close at four.", "On Sundays and public holidays we stay closed all day.",
            "You can also book online at any time of the day.");

    @Test
    void interruptionDropsQueuedAudioClearsTwilioAndRecordsOnlyWhatWasPlayed() throws Exception {
        TwilioFarEnd farEnd = new TwilioFarEnd();
        TwilioMediaStream twilio = new TwilioMediaStream(farEnd);
        farEnd.attach(twilio);
        Transcript transcript = new Transcript();
        ScriptedAgent agent = new ScriptedAgent(text -> String.join(" ", ANSWER) + " ", 120);
        Pipeline pipeline = Pipeline.of(
                twilio.input(),
                new UserTurnAggregator(TurnSettings.DEFAULTS, transcript),
                new LlmProcessor(agent, LlmSettings.DEFAULTS.withGreeting(GREETING), transcript),
                new FliteTts(),
                twilio.output(),
                new AssistantTurnAggregator(transcript));
        try (pipeline) {
            CountDownLatch greetingOver = new CountDownLatch(1);
            pipeline.onUpstream(frame -> {
                if (frame instanceof BotStoppedSpeakingFrame) {
                    greetingOver.countDown();
                }
            }).start();
            farEnd.connect(Map.of("tenantId", "t_42"));
            awaitEntries(transcript, 1); // the greeting, played in full
            // The greeting is not interruptible: speak only once turn-taking knows the bot has stopped.
            assertThat(greetingOver.await(30, TimeUnit.SECONDS)).isTrue();

            pipeline.queue(new UserStartedSpeakingFrame());
            pipeline.queue(new TranscriptionFrame("when are you open"));
            pipeline.queue(new UserStoppedSpeakingFrame());
            awaitMarksPlayed(farEnd, 3); // greeting sentence + its response end + the answer's first sentence
            int mediaBeforeBargeIn = farEnd.events("media").size();

            pipeline.queue(new UserStartedSpeakingFrame());
            awaitEntries(transcript, 3);
            Thread.sleep(300); // anything still on its way to Twilio would show up now
            pipeline.cancel("test over");

            int clearAt = farEnd.indexOfFirst("clear");
            assertThat(clearAt).as("clear sent").isPositive();
            long mediaAfterClear = farEnd.sent.subList(clearAt, farEnd.sent.size()).stream()
                    .filter(m -> m.contains("\"event\":\"media\"")).count();
            assertThat(mediaAfterClear).isZero();
            int fullAnswerFrames = ANSWER.stream().mapToInt(s -> new FliteSynthesizer().toMulaw8k(s).length / 160).sum();
            int greetingFrames = new FliteSynthesizer().toMulaw8k(GREETING).length / 160;
            int answerFramesSent = farEnd.events("media").size() - greetingFrames;
            assertThat(answerFramesSent).isLessThan(fullAnswerFrames * 3 / 4);
            assertThat(mediaBeforeBargeIn).isLessThanOrEqualTo(farEnd.events("media").size());
            assertThat(agent.cancelled).containsExactly("when are you open");

            List<TranscriptEntry> entries = transcript.entries();
            assertThat(entries.get(0)).extracting(TranscriptEntry::text, TranscriptEntry::interrupted)
                    .containsExactly(GREETING, false);
            assertThat(entries.get(1).text()).isEqualTo("when are you open");
            TranscriptEntry answer = entries.get(2);
            assertThat(answer.interrupted()).isTrue();
            assertThat(answer.text()).startsWith(ANSWER.get(0)).doesNotContain(ANSWER.get(3));
            assertThat(String.join(" ", ANSWER)).startsWith(answer.text());
        }
    }

    private static void awaitEntries(Transcript transcript, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (transcript.entries().size() < count) {
            assertThat(System.nanoTime()).as("transcript entries: " + transcript.entries()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitMarksPlayed(TwilioFarEnd farEnd, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (farEnd.playedMarks.size() < count) {
            assertThat(System.nanoTime()).as("marks played: " + farEnd.playedMarks + " sent " + farEnd.sent.size()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
