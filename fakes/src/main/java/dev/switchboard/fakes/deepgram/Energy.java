package dev.switchboard.fakes.deepgram;

/** Mean absolute amplitude of a block of mu-law audio, as decoded 16-bit samples; silence (0xFF) is zero. */
final class Energy {

    private Energy() {
    }

    static int of(byte[] mulaw) {
        if (mulaw.length == 0) {
            return 0;
        }
        long sum = 0;
        for (byte b : mulaw) {
            sum += Math.abs(decode(b));
        }
        return (int) (sum / mulaw.length);
    }

    private static int decode(byte mulaw) {
        int u = ~mulaw & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = ((((u & 0x0F) << 3) + 0x84) << exponent) - 0x84;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }
}
