package dev.switchboard.voice.pipeline.audio;

/**
 * A streaming FIR low-pass (Blackman-windowed sinc) at 16 kHz with its cut-off just under 4 kHz, the Nyquist
 * frequency of telephone audio. Without it, 2:1 resampling folds energy above 4 kHz back into the voice band
 * (down) or leaves mirror images of the voice above it (up). Keeps its history between calls.
 */
final class LowPassFilter {

    private static final int TAPS = 63;
    private static final double CUTOFF_HZ = 3600;
    private static final double RATE_HZ = 16_000;
    private static final double[] COEFFICIENTS = design();

    private final double[] history = new double[TAPS];
    private int position;

    double next(double sample) {
        history[position] = sample;
        double sum = 0;
        int index = position;
        for (double coefficient : COEFFICIENTS) {
            sum += coefficient * history[index];
            index = index == 0 ? TAPS - 1 : index - 1;
        }
        position = (position + 1) % TAPS;
        return sum;
    }

    private static double[] design() {
        double[] h = new double[TAPS];
        double fc = CUTOFF_HZ / RATE_HZ;
        int middle = (TAPS - 1) / 2;
        double total = 0;
        for (int n = 0; n < TAPS; n++) {
            int k = n - middle;
            double sinc = k == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * k) / (Math.PI * k);
            double window = 0.42 - 0.5 * Math.cos(2 * Math.PI * n / (TAPS - 1))
                    + 0.08 * Math.cos(4 * Math.PI * n / (TAPS - 1));
            h[n] = sinc * window;
            total += h[n];
        }
        for (int n = 0; n < TAPS; n++) {
            h[n] /= total; // unity gain at DC
        }
        return h;
    }
}
