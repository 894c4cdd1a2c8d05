package dev.switchboard.voice.pipeline.vad;

/** A per-window speech probability; {@link SileroModel} is the real one. */
public interface SpeechProbability extends AutoCloseable {

    float probability(float[] window);

    @Override
    void close();
}
