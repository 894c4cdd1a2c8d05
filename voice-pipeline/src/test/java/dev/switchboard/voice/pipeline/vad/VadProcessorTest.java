package dev.switchboard.voice.pipeline.vad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.SpeechFixtures;
import dev.switchboard.voice.pipeline.audio.MuLaw;
import dev.switchboard.voice.pipeline.audio.WindowBuffer;
import dev.switchboard.voice.pipeline.frames.Frame;
import dev.switchboard.voice.pipeline.frames.InputAudioFrame;
import dev.switchboard.voice.pipeline.frames.UserStartedSpeakingFrame;
import dev.switchboard.voice.pipeline.frames.UserStoppedSpeakingFrame;
import dev.switchboard.voice.pipeline.testing.FrameProcessorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VadProcessorTest {

    @Test
    void announcesStartAndStopOfRealSpeechAndPassesTheAudioOn() {
        List<InputAudioFrame> frames = SpeechFixtures.frames(
                SpeechFixtures.utterance("I would like to book a table for two tonight", 600, 800));
        try (FrameProcessorHarness harness = FrameProcessorHarness.start(new VadProcessor(VadParams.DEFAULTS))) {
            frames.forEach(harness::push);
            harness.downstream().await(UserStoppedSpeakingFrame.class, Duration.ofSeconds(20));
            harness.settle();
            List<Frame> out = harness.downstreamFrames();
            assertThat(out.stream().filter(UserStartedSpeakingFrame.class::isInstance)).hasSize(1);
            assertThat(harness.downstream().frames(InputAudioFrame.class)).hasSize(frames.size());
            int startedAt = out.indexOf(new UserStartedSpeakingFrame());
            int stoppedAt = out.indexOf(new UserStoppedSpeakingFrame());
            // 600 ms of silence = 30 frames come first; speech must be detected after them and stop before the end.
            assertThat(startedAt).isBetween(30, 60);
            assertThat(stoppedAt).isGreaterThan(startedAt + 40).isLessThan(out.size() - 1);
        }
    }

    @Test
    void sileroTellsSpeechFromSilenceAndTone() {
        try (SileroModel model = new SileroModel()) {
            assertThat(maxProbability(model, SpeechFixtures.silence(1000))).isLessThan(0.1f);
            assertThat(maxProbability(model, MuLaw.encode(tone()))).isLessThan(0.3f);
            assertThat(maxProbability(model, SpeechFixtures.speech("Hello, how can I help you today?"))).isGreaterThan(0.9f);
        }
    }

    private static float maxProbability(SileroModel model, byte[] mulaw) {
        model.reset();
        WindowBuffer windows = new WindowBuffer(SileroModel.WINDOW);
        List<Float> probabilities = new ArrayList<>();
        windows.append(MuLaw.decode(mulaw), window -> probabilities.add(model.probability(window)));
        return probabilities.stream().max(Float::compare).orElseThrow();
    }

    private static short[] tone() {
        short[] samples = new short[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000));
        }
        return samples;
    }
}
