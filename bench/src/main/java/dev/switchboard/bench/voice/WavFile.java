package dev.switchboard.bench.voice;

import dev.switchboard.voice.pipeline.audio.MuLaw;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 8 kHz mu-law audio as a 16-bit mono WAV any player opens. */
final class WavFile {

    private WavFile() {
    }

    static void write(Path file, byte[] mulaw) throws IOException {
        short[] pcm = MuLaw.decode(mulaw);
        ByteBuffer out = ByteBuffer.allocate(44 + pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + pcm.length * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(pcm.length * 2);
        for (short sample : pcm) {
            out.putShort(sample);
        }
        Files.write(file, out.array());
    }
}
