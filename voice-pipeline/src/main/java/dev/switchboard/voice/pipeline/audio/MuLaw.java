package dev.switchboard.voice.pipeline.audio;

import java.util.Arrays;

/** G.711 mu-law, the telephone codec: 14-bit linear PCM companded into one byte per sample. Silence is 0xFF. */
public final class MuLaw {

    public static final byte SILENCE = (byte) 0xFF;
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] DECODED = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            DECODED[i] = decodeByte((byte) i);
        }
    }

    private MuLaw() {
    }

    public static byte encode(short sample) {
        int pcm = sample;
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        pcm = Math.min(pcm, CLIP) + BIAS;
        // The exponent is the position of the highest set bit among bits 7..14.
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static short decode(byte mulaw) {
        return DECODED[mulaw & 0xFF];
    }

    public static byte[] encode(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = encode(samples[i]);
        }
        return out;
    }

    public static short[] decode(byte[] mulaw) {
        short[] out = new short[mulaw.length];
        for (int i = 0; i < mulaw.length; i++) {
            out[i] = DECODED[mulaw[i] & 0xFF];
        }
        return out;
    }

    /**
     * The audio without its leading and trailing samples quieter than {@code amplitude} (16-bit scale): a
     * synthesiser's silence around its words, cut so the last sample is the last word's end.
     */
    public static byte[] trimQuiet(byte[] mulaw, int amplitude) {
        int first = 0;
        int last = mulaw.length - 1;
        while (first < last && Math.abs(DECODED[mulaw[first] & 0xFF]) < amplitude) {
            first++;
        }
        while (last > first && Math.abs(DECODED[mulaw[last] & 0xFF]) < amplitude) {
            last--;
        }
        return Arrays.copyOfRange(mulaw, first, last + 1);
    }

    private static short decodeByte(byte mulaw) {
        int u = ~mulaw & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return (short) (sign != 0 ? -magnitude : magnitude);
    }
}
