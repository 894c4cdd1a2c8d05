package dev.switchboard.voice.pipeline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void downsamplingKeepsAVoiceBandTone() {
        short[] tone = tone(1000, 16_000, 16_000);
        short[] down = Resampler.downsampler16To8().process(tone);
        assertThat(down).hasSize(8000);
        assertThat(rms(down, 200)).isCloseTo(rms(tone, 200), org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void downsamplingFiltersWhatWouldAliasIntoTheVoiceBand() {
        // 6 kHz would fold to 2 kHz at 8 kHz without the low-pass filter.
        short[] tone = tone(6000, 16_000, 16_000);
        short[] down = Resampler.downsampler16To8().process(tone);
        assertThat(rms(down, 200)).isLessThan(rms(tone, 200) * 0.01);
    }

    @Test
    void upsamplingKeepsLevelAndSuppressesTheMirrorImage() {
        short[] tone = tone(1000, 8000, 8000);
        short[] up = Resampler.upsampler8To16().process(tone);
        assertThat(up).hasSize(16_000);
        assertThat(rms(up, 400)).isCloseTo(rms(tone, 200), org.assertj.core.data.Percentage.withPercentage(5));
        // The image of 1 kHz sits at 7 kHz: correlate with it to measure what is left.
        assertThat(amplitudeAt(up, 7000, 16_000)).isLessThan(amplitudeAt(up, 1000, 16_000) * 0.01);
    }

    @Test
    void chunkedProcessingEqualsOneShotProcessing() {
        short[] tone = tone(440, 16_000, 3200);
        short[] whole = Resampler.downsampler16To8().process(tone);
        Resampler chunked = Resampler.downsampler16To8();
        short[] joined = new short[0];
        for (int offset = 0; offset < tone.length; offset += 320) {
            short[] part = chunked.process(java.util.Arrays.copyOfRange(tone, offset, offset + 320));
            short[] next = java.util.Arrays.copyOf(joined, joined.length + part.length);
            System.arraycopy(part, 0, next, joined.length, part.length);
            joined = next;
        }
        assertThat(joined).isEqualTo(whole);
    }

    static short[] tone(double hz, int rate, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (10_000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    private static double rms(short[] samples, int skip) {
        double sum = 0;
        for (int i = skip; i < samples.length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (samples.length - skip));
    }

    private static double amplitudeAt(short[] samples, double hz, int rate) {
        double re = 0;
        double im = 0;
        for (int i = 400; i < samples.length; i++) {
            re += samples[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += samples[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return Math.hypot(re, im) / (samples.length - 400);
    }
}
