package dev.switchboard.voice.pipeline.audio;

import java.util.Random;

/**
 * What a phone line carries between words: never digital silence but a noise floor, here uniform noise at about
 * -65 dBFS RMS, as 8 kHz mu-law (a fixed seed, so benchmarks and tests repeat).
 */
public final class LineNoise {

    private LineNoise() {
    }

    public static byte[] mulaw(int samples) {
        Random random = new Random(65);
        short[] noise = new short[samples];
        for (int i = 0; i < samples; i++) {
            noise[i] = (short) (random.nextInt(65) - 32);
        }
        return MuLaw.encode(noise);
    }
}
