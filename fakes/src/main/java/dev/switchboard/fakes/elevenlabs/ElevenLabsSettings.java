package dev.switchboard.fakes.elevenlabs;

import java.time.Duration;

/**
 * How the fake behaves: the key it demands (null accepts any), how speech is made, how long the first audio chunk
 * of a connection takes, and the size of each audio chunk it sends (800 bytes = 100 ms of ulaw_8000).
 */
public record ElevenLabsSettings(String apiKey, Synthesizer synthesizer, Duration firstChunkDelay, int chunkBytes) {

    public static ElevenLabsSettings withFlite() {
        return new ElevenLabsSettings(null, Synthesizer.flite("slt"), Duration.ofMillis(150), 800);
    }

    public ElevenLabsSettings withApiKey(String key) {
        return new ElevenLabsSettings(key, synthesizer, firstChunkDelay, chunkBytes);
    }

    public ElevenLabsSettings withFirstChunkDelay(Duration delay) {
        return new ElevenLabsSettings(apiKey, synthesizer, delay, chunkBytes);
    }

    public ElevenLabsSettings withSynthesizer(Synthesizer other) {
        return new ElevenLabsSettings(apiKey, other, firstChunkDelay, chunkBytes);
    }
}
