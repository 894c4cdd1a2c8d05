package dev.switchboard.voice.pipeline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MuLawTest {

    @Test
    void silenceIsFF() {
        assertThat(MuLaw.encode((short) 0)).isEqualTo(MuLaw.SILENCE);
        assertThat(MuLaw.decode(MuLaw.SILENCE)).isZero();
    }

    @Test
    void roundTripErrorStaysWithinTheCompandingStep() {
        for (int sample = -32768; sample <= 32767; sample += 7) {
            short decoded = MuLaw.decode(MuLaw.encode((short) sample));
            int clipped = Math.max(-32635, Math.min(32635, sample));
            // mu-law keeps about 4 bits of mantissa: the error grows with the magnitude, at most 1/16 plus the bias.
            assertThat(Math.abs(decoded - clipped)).isLessThanOrEqualTo(Math.abs(clipped) / 16 + 132);
        }
    }

    @Test
    void everyCodeDecodesAndReencodesToItself() {
        for (int code = 0; code < 256; code++) {
            byte mulaw = (byte) code;
            if (code == 0x7F) {
                continue; // negative zero: decodes to 0, which encodes as positive zero (0xFF)
            }
            assertThat(MuLaw.encode(MuLaw.decode(mulaw))).isEqualTo(mulaw);
        }
    }

    @Test
    void signIsKept() {
        assertThat(MuLaw.decode(MuLaw.encode((short) 1000))).isPositive();
        assertThat(MuLaw.decode(MuLaw.encode((short) -1000))).isNegative();
    }

    @Test
    void trimQuietCutsOnlyTheQuietEdges() {
        short[] samples = {0, 10, -20, 3000, 5, -4000, 12, 0};
        byte[] trimmed = MuLaw.trimQuiet(MuLaw.encode(samples), 500);
        short[] kept = MuLaw.decode(trimmed);
        assertThat(kept).hasSize(3);
        assertThat(kept[0]).isGreaterThan((short) 2900);
        assertThat(kept[2]).isLessThan((short) -3900);
    }
}
