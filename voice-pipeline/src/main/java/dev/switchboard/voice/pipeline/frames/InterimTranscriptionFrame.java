package dev.switchboard.voice.pipeline.frames;

/** A provisional transcription that may still change: used for barge-in, never for the transcript. */
public record InterimTranscriptionFrame(String text) implements DataFrame {}
