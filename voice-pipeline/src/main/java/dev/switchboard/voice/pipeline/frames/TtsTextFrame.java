package dev.switchboard.voice.pipeline.frames;

/** Text whose audio has just been pushed before this frame; it counts as said once that audio has played. */
public record TtsTextFrame(String text) implements DataFrame {}
