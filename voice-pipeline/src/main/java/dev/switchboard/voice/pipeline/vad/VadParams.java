package dev.switchboard.voice.pipeline.vad;

import java.time.Duration;

/**
 * When speech counts as started or stopped: a window is speech when the model's confidence reaches
 * {@code confidence}; the caller has started after {@code start} of consecutive speech and stopped after
 * {@code stop} of consecutive non-speech. While nobody speaks, a window quieter than {@code quietDbfs} (RMS, dB below
 * full scale) is silence without asking the model: a phone line's noise floor sits around -60 to -70 dBFS and speech, even soft,
 * well above -45, while the model costs about 0.2 ms per window and a caller is silent most of a call.
 */
public record VadParams(float confidence, Duration start, Duration stop, double quietDbfs) {

    public static final VadParams DEFAULTS = new VadParams(0.7f, Duration.ofMillis(200), Duration.ofMillis(200), -55);

    public VadParams {
        if (confidence <= 0 || confidence >= 1) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (quietDbfs > -30) {
            throw new IllegalArgumentException("quietDbfs above -30 would take speech for silence: " + quietDbfs);
        }
    }

    /** The RMS below which a window of samples in [-1, 1) is silence. */
    double quietRms() {
        return Math.pow(10, quietDbfs / 20);
    }

    int windows(Duration span, Duration window) {
        return (int) Math.max(1, Math.round((double) span.toNanos() / window.toNanos()));
    }
}
