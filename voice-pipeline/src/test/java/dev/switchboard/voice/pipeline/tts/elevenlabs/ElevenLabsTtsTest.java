package dev.switchboard.voice.pipeline.tts.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.fakes.elevenlabs.FakeElevenLabs;
import dev.switchboard.voice.pipeline.frames.ErrorFrame;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InterruptionFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseEndFrame;
import dev.switchboard.voice.pipeline.frames.LlmResponseStartFrame;
import dev.switchboard.voice.pipeline.frames.LlmTextFrame;
import dev.switchboard.voice.pipeline.frames.OutputAudioFrame;
import dev.switchboard.voice.pipeline.frames.TtsStoppedFrame;
import dev.switchboard.voice.pipeline.frames.TtsTextFrame;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElevenLabsTtsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String KEY = "xi-test-key";

    private static ElevenLabsSettings client(FakeElevenLabs fake) {
        return ElevenLabsSettings.of(KEY, "voice123").withBaseUrl(fake.baseUrl());
    }

    private static FakeElevenLabs fake() {
        return new FakeElevenLabs(dev.switchboard.fakes.elevenlabs.ElevenLabsSettings.withFlite().withApiKey(KEY));
    }

    @Test
    void streamsRealAudioAsItArrivesAndEachSentenceAfterItsAudio() {
        try (FakeElevenLabs fake = fake();
             FrameProcessorHarness harness = FrameProcessorHarness.start(new ElevenLabsTts(client(fake)))) {
            harness.push(new LlmResponseStartFrame(), new LlmTextFrame("Hello there."), new LlmTextFrame("How can I help?"),
                    new LlmResponseEndFrame());
            harness.downstream().await(LlmResponseEndFrame.class, WAIT);
            List<Frame> out = harness.downstreamFrames();
            int firstAudio = indexOf(out, OutputAudioFrame.class);
            int firstText = indexOf(out, TtsTextFrame.class);
            assertThat(firstAudio).isPositive().isLessThan(firstText);
            assertThat(harness.downstream().frames(TtsTextFrame.class)).extracting(TtsTextFrame::text)
                    .containsExactly("Hello there.", "How can I help?");
            int audioBytes = harness.downstream().frames(OutputAudioFrame.class).stream()
                    .mapToInt(OutputAudioFrame::sampleCount).sum();
            assertThat(audioBytes).isGreaterThan(8000); // over a second of speech
            assertThat(out.indexOf(new TtsStoppedFrame())).isLessThan(out.indexOf(new LlmResponseEndFrame()));
            assertThat(fake.connectionResources().getFirst()).contains("/v1/text-to-speech/voice123/stream-input",
                    "model_id=eleven_flash_v2_5", "output_format=ulaw_8000");
            assertThat(fake.lastVoiceSettings().path("stability").asDouble()).isEqualTo(0.7);
            assertThat(fake.lastVoiceSettings().path("similarity_boost").asDouble()).isEqualTo(0.75);
            assertThat(fake.lastVoiceSettings().path("speed").asDouble()).isEqualTo(0.85);
            assertThat(fake.receivedMessages()).anySatisfy(m -> assertThat(m).contains("\"flush\":true"));
        }
    }

    @Test
    void aSecondResponseWaitsForTheFirstToFinish() {
        try (FakeElevenLabs fake = fake();
             FrameProcessorHarness harness = FrameProcessorHarness.start(new ElevenLabsTts(client(fake)))) {
            harness.push(new LlmResponseStartFrame(), new LlmTextFrame("First answer."), new LlmResponseEndFrame(),
                    new LlmResponseStartFrame(), new LlmTextFrame("Second answer."), new LlmResponseEndFrame());
            harness.downstream().awaitCount(LlmResponseEndFrame.class, 2, WAIT);
            List<Frame> out = harness.downstreamFrames();
            assertThat(harness.downstream().frames(TtsTextFrame.class)).extracting(TtsTextFrame::text)
                    .containsExactly("First answer.", "Second answer.");
            int firstEnd = out.indexOf(new LlmResponseEndFrame());
            assertThat(out.subList(0, firstEnd)).doesNotContain(new TtsTextFrame("Second answer."));
        }
    }

    @Test
    void anInterruptionAbandonsTheResponse() throws Exception {
        try (FakeElevenLabs fake = fake();
             FrameProcessorHarness harness = FrameProcessorHarness.start(new ElevenLabsTts(client(fake)))) {
            harness.push(new LlmResponseStartFrame(), new LlmTextFrame("This answer will be cut short by the caller."));
            harness.downstream().await(OutputAudioFrame.class, WAIT);
            harness.push(new InterruptionFrame());
            harness.downstream().await(InterruptionFrame.class, WAIT);
            Thread.sleep(500);
            harness.settle();
            List<Frame> out = harness.downstreamFrames();
            int interruptedAt = out.indexOf(new InterruptionFrame());
            assertThat(out.subList(interruptedAt, out.size())).noneMatch(OutputAudioFrame.class::isInstance);
            harness.push(new LlmResponseStartFrame(), new LlmTextFrame("Sure."), new LlmResponseEndFrame());
            harness.downstream().await(LlmResponseEndFrame.class, WAIT);
        }
    }

    @Test
    void aDroppedStreamIsReopenedAndTheUnspokenTextSentAgain() {
        try (FakeElevenLabs fake = new FakeElevenLabs(dev.switchboard.fakes.elevenlabs.ElevenLabsSettings.withFlite()
                .withApiKey(KEY).withFirstChunkDelay(Duration.ofMillis(800)));
             FrameProcessorHarness harness = FrameProcessorHarness.start(new ElevenLabsTts(client(fake)))) {
            harness.push(new LlmResponseStartFrame(), new LlmTextFrame("We are open from nine to five."));
            awaitConnections(fake, 1);
            harness.settle();
            // Drop only once the text has reached the fake: a drop during the handshake is a different failure.
            awaitReceived(fake, "We are open from nine to five.");
            fake.dropConnections();
            harness.upstream().await(ErrorFrame.class, WAIT);
            harness.push(new LlmResponseEndFrame());
            harness.downstream().await(LlmResponseEndFrame.class, WAIT);
            assertThat(harness.downstream().frames(TtsTextFrame.class)).extracting(TtsTextFrame::text)
                    .containsExactly("We are open from nine to five.");
            assertThat(harness.downstream().frames(OutputAudioFrame.class)).isNotEmpty();
        }
    }

    private static void awaitReceived(FakeElevenLabs fake, String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fake.receivedMessages().stream().noneMatch(m -> m.contains(text))) {
            assertThat(System.nanoTime()).as("the fake received " + text).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void awaitConnections(FakeElevenLabs fake, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fake.connectionCount() < count) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static int indexOf(List<Frame> frames, Class<?> type) {
        for (int i = 0; i < frames.size(); i++) {
            if (type.isInstance(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
