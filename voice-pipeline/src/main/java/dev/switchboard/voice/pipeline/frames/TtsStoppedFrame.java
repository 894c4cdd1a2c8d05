package dev.switchboard.voice.pipeline.frames;

/** The speech synthesiser produced all audio for a response. */
public record TtsStoppedFrame() implements ControlFrame {}
