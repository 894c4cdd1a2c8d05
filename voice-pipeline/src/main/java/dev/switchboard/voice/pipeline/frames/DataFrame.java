package dev.switchboard.voice.pipeline.frames;

/** The stream itself (audio and text): ordered, and dropped from every queue when the user interrupts. */
public sealed interface DataFrame extends Frame permits InputAudioFrame, OutputAudioFrame, InterimTranscriptionFrame,
        TranscriptionFrame, LlmTextFrame, TtsTextFrame {
}
