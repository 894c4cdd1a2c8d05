package dev.switchboard.voice.pipeline.frames;

/** The LLM stage starts answering a turn. */
public record LlmResponseStartFrame() implements ControlFrame {}
