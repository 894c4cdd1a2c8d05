package dev.switchboard.voice.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.voice.pipeline.audio.MuLaw;
import dev.switchboard.voice.pipeline.audio.Resampler;
import dev.switchboard.voice.pipeline.llm.Transcript;
import java.time.Duration;

/** Waiting for a call's transcript to fill up, with generous real-time limits. */
public final class VoiceLoops {

    private VoiceLoops() {
    }

    /**
     * The bot's played audio as a listener hears it: with the silence around it that a call has (pocketsphinx
     * normalises against the start of an utterance and misses words without it), upsampled to 16 kHz.
     */
    public static short[] asHeard16k(byte[] playedMulaw) {
        java.io.ByteArrayOutputStream padded = new java.io.ByteArrayOutputStream();
        padded.writeBytes(SpeechFixtures.silence(300));
        padded.writeBytes(playedMulaw);
        padded.writeBytes(SpeechFixtures.silence(300));
        return Resampler.upsampler8To16().process(MuLaw.decode(padded.toByteArray()));
    }

    public static void awaitEntries(Transcript transcript, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (transcript.entries().size() < count) {
            assertThat(System.nanoTime()).as("transcript so far: " + transcript.entries()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
