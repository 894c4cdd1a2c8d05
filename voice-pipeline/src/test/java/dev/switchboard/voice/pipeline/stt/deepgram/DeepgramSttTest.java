package dev.switchboard.voice.pipeline.stt.deepgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.fakes.deepgram.DeepgramSettings;
import dev.switchboard.fakes.deepgram.FakeDeepgram;
import dev.switchboard.fakes.deepgram.Recognizer;
import dev.switchboard.voice.pipeline.SpeechFixtures;
import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.frames.InterimTranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.TranscriptionFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepgramSttTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KEY = "dg-test-key";

    private static dev.switchboard.voice.pipeline.stt.deepgram.DeepgramSettings client(FakeDeepgram fake) {
        return dev.switchboard.voice.pipeline.stt.deepgram.DeepgramSettings.of(KEY).withBaseUrl(fake.baseUrl())
                .withModel("nova-2").withLanguage("en-GB");
    }

    @Test
    void sendsTheCallersAudioAsIsAndTurnsResultsIntoTranscriptions() {
        try (FakeDeepgram fake = new FakeDeepgram(DeepgramSettings.scripted(List.of("Book a table for two.")).withApiKey(KEY));
             FrameProcessorHarness harness = FrameProcessorHarness.start(new DeepgramStt(client(fake)))) {
            List<InputAudioFrame> frames = SpeechFixtures.frames(SpeechFixtures.utterance("Book a table for two", 300, 1500));
            frames.forEach(harness::push);
            assertThat(harness.downstream().await(TranscriptionFrame.class, WAIT).text()).isEqualTo("Book a table for two.");
            assertThat(harness.downstream().frames(InterimTranscriptionFrame.class)).isNotEmpty()
                    .allSatisfy(interim -> assertThat("Book a table for two.").startsWith(interim.text()));
            // Results overtake audio still queued here, so wait for the audio to pass as well.
            harness.downstream().awaitCount(InputAudioFrame.class, frames.size(), WAIT);
            assertThat(fake.connectionResources().getFirst()).contains("model=nova-2", "language=en-GB",
                    "encoding=mulaw", "sample_rate=8000", "interim_results=true");
            awaitAudio(fake, frames.size() * 160L);
        }
    }

    @Test
    void aDroppedConnectionIsReopenedAndTheUnsettledAudioReplayedSoTheTurnSurvives() throws Exception {
        Recognizer duration = (mulaw, isFinal) -> isFinal ? "heard " + Math.round(mulaw.length / 8000.0 * 10) : "";
        try (FakeDeepgram fake = new FakeDeepgram(DeepgramSettings.scripted(List.of()).withRecognizer(duration));
             FrameProcessorHarness harness = FrameProcessorHarness.start(new DeepgramStt(client(fake)))) {
            byte[] speech = SpeechFixtures.speech("I would like to move my booking to Friday evening please");
            List<InputAudioFrame> frames = SpeechFixtures.frames(SpeechFixtures.utterance(
                    "I would like to move my booking to Friday evening please", 300, 1500));
            int half = frames.size() / 2;
            frames.subList(0, half).forEach(harness::push);
            awaitAudio(fake, half * 160L);
            fake.dropConnections();
            harness.upstream().await(ErrorFrame.class, WAIT);
            frames.subList(half, frames.size()).forEach(harness::push);

            String text = harness.downstream().await(TranscriptionFrame.class, WAIT).text();
            assertThat(fake.connectionCount()).isEqualTo(2);
            // The whole utterance was transcribed after the drop, not just its second half. In tenths of a second: the
            // energy gate trims the quiet edges of the speech, and the 300 ms endpointing tail is counted.
            long tenths = Long.parseLong(text.substring("heard ".length()));
            long full = Math.round(speech.length / 800.0);
            assertThat(tenths).isBetween(full * 85 / 100, full + 6);
        }
    }

    @Test
    void theVadsStopAsksDeepgramToSettleWithoutWaitingForItsEndpointing() {
        try (FakeDeepgram fake = new FakeDeepgram(DeepgramSettings.scripted(List.of("Yes please.")));
             FrameProcessorHarness harness = FrameProcessorHarness.start(new DeepgramStt(client(fake)))) {
            // Only 100 ms of silence after the speech: too little for the 300 ms endpointing to end the utterance.
            SpeechFixtures.frames(SpeechFixtures.utterance("Yes please", 300, 100)).forEach(harness::push);
            harness.push(new UserStoppedSpeakingFrame());
            assertThat(harness.downstream().await(TranscriptionFrame.class, WAIT).text()).isEqualTo("Yes please.");
        }
    }

    @Test
    void keepsTheConnectionAliveWhileNoAudioFlows() throws Exception {
        try (FakeDeepgram fake = new FakeDeepgram(DeepgramSettings.scripted(List.of()));
             FrameProcessorHarness harness = FrameProcessorHarness.start(
                     new DeepgramStt(client(fake).withKeepAlive(Duration.ofMillis(200))))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (fake.keepAliveCount() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(fake.keepAliveCount()).isGreaterThanOrEqualTo(2);
        }
    }

    private static void awaitAudio(FakeDeepgram fake, long bytes) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fake.audioBytesReceived() < bytes) {
            assertThat(System.nanoTime()).as("audio received: " + fake.audioBytesReceived()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
