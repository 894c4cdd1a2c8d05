package dev.switchboard.voice.pipeline.audio;

/**
 * Streaming 2:1 conversion between telephone rate (8 kHz) and the 16 kHz that recognisers and synthesisers use.
 * One instance per direction and per stream: the filter keeps state across frames so chunk edges leave no clicks.
 */
public final class Resampler {

    private final LowPassFilter filter = new LowPassFilter();
    private final boolean up;

    private Resampler(boolean up) {
        this.up = up;
    }

    public static Resampler upsampler8To16() {
        return new Resampler(true);
    }

    public static Resampler downsampler16To8() {
        return new Resampler(false);
    }

    public short[] process(short[] input) {
        return up ? upsample(input) : downsample(input);
    }

    private short[] upsample(short[] input) {
        short[] out = new short[input.length * 2];
        for (int i = 0; i < input.length; i++) {
            // Zero-stuffing halves the energy, so the interpolation filter runs with a gain of two.
            out[2 * i] = clamp(2 * filter.next(input[i]));
            out[2 * i + 1] = clamp(2 * filter.next(0));
        }
        return out;
    }

    private short[] downsample(short[] input) {
        short[] out = new short[input.length / 2];
        for (int i = 0; i < out.length * 2; i++) {
            double filtered = filter.next(input[i]);
            if ((i & 1) == 0) {
                out[i / 2] = clamp(filtered);
            }
        }
        return out;
    }

    private static short clamp(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
}
