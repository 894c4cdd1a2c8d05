package dev.switchboard.voice.pipeline.audio;

import java.util.function.Consumer;

/**
 * Re-buffers audio arriving in one frame size into windows of another: Twilio's 20 ms frames (160 samples at
 * 8 kHz) into the VAD's 32 ms windows (256 samples). Samples are scaled to [-1, 1) floats, the model's input.
 */
public final class WindowBuffer {

    private final float[] window;
    private int filled;

    public WindowBuffer(int windowSize) {
        this.window = new float[windowSize];
    }

    /** Adds samples and hands every window completed by them to the consumer (the array is reused). */
    public void append(short[] samples, Consumer<float[]> onWindow) {
        for (short sample : samples) {
            window[filled++] = sample / 32768f;
            if (filled == window.length) {
                onWindow.accept(window);
                filled = 0;
            }
        }
    }

    public int windowSize() {
        return window.length;
    }

    public void reset() {
        filled = 0;
    }
}
