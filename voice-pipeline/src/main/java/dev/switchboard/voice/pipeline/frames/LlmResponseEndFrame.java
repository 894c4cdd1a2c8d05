package dev.switchboard.voice.pipeline.frames;

/** The LLM stage has sent all text of its answer. */
public record LlmResponseEndFrame() implements ControlFrame {}
