package dev.switchboard.voice.pipeline.vad;

import java.time.Duration;

/**
 * When speech counts as started or stopped: a window is speech when the model's confidence reaches
 * {@code confidence}; the caller has started after {@code start} of consecutive speech and stopped after
 * {@code stop} of consecutive non-speech.
 */
public record VadParams(float confidence, Duration start, Duration stop) {

    public static final VadParams DEFAULTS = new VadParams(0.7f, Duration.ofMillis(200), Duration.ofMillis(200));

    public VadParams {
        if (confidence <= 0 || confidence >= 1) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }

    int windows(Duration span, Duration window) {
        return (int) Math.max(1, Math.round((double) span.toNanos() / window.toNanos()));
    }
}
