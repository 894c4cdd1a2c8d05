package dev.switchboard.fakes.twilio;

import java.util.Random;

/**
 * What a caller's line carries between words: a real phone line is never digital silence but a noise floor, here
 * uniform noise at about -65 dBFS, as 20 ms mu-law frames (a fixed seed, so runs repeat).
 */
final class LineNoise {

    private static final int FRAMES = 50;
    private final byte[][] frames = new byte[FRAMES][];
    private int next;

    LineNoise(int frameBytes) {
        Random random = new Random(65);
        for (int f = 0; f < FRAMES; f++) {
            frames[f] = new byte[frameBytes];
            for (int i = 0; i < frameBytes; i++) {
                frames[f][i] = encode((short) (random.nextInt(65) - 32));
            }
        }
    }

    /** The next noise frame (a copy the caller may overwrite). */
    byte[] frame() {
        byte[] frame = frames[next].clone();
        next = (next + 1) % FRAMES;
        return frame;
    }

    /** G.711 mu-law encoding of one 16-bit sample. */
    static byte encode(short sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs((int) sample), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
