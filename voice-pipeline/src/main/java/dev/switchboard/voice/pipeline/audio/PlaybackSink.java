package dev.switchboard.voice.pipeline.audio;

/** Where a pacer delivers: one call per 20 ms frame, markers in order with the audio, and speaking state changes. */
public interface PlaybackSink {

    /** A frame of mu-law audio, due now. */
    void play(byte[] frame);

    /** Everything queued before the marker has been played. */
    void reached(Object marker);

    void startedSpeaking();

    /** The queue ran dry: nothing more to play for now. */
    void stoppedSpeaking();
}
