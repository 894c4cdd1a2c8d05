package dev.switchboard.voice.pipeline.frames;

/** The speech synthesiser starts producing audio for a response. */
public record TtsStartedFrame() implements ControlFrame {}
