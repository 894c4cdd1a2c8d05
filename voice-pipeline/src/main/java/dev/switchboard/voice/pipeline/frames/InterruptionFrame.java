package dev.switchboard.voice.pipeline.frames;

/** The caller barged in: every stage drops queued data and cancels the work in flight. */
public record InterruptionFrame() implements SystemFrame {}
