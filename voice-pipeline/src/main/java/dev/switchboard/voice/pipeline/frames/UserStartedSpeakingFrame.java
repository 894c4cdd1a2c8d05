package dev.switchboard.voice.pipeline.frames;

/** The voice activity detector heard the caller start speaking. */
public record UserStartedSpeakingFrame() implements SystemFrame {}
