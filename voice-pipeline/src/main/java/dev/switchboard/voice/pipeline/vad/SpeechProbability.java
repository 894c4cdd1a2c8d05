package dev.switchboard.voice.pipeline.vad;

/** A per-window speech probability; {@link SileroModel} is the real one. */
public interface SpeechProbability extends AutoCloseable {

    float probability(float[] window);

    /** Forgets the audio heard so far (after a long quiet stretch the model was not asked about). */
    default void reset() {
    }

    @Override
    void close();
}
