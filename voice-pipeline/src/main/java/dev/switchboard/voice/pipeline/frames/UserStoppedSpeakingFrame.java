package dev.switchboard.voice.pipeline.frames;

/** The voice activity detector heard the caller stop speaking. */
public record UserStoppedSpeakingFrame() implements SystemFrame {}
