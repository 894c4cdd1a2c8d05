package dev.switchboard.voice.pipeline.frames;

/** A settled transcription of one utterance, as the recogniser's endpointing delimited it. */
public record TranscriptionFrame(String text) implements DataFrame {}
