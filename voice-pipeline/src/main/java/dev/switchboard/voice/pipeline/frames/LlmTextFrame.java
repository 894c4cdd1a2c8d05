package dev.switchboard.voice.pipeline.frames;

/** A sentence or clause of the LLM's answer, cut so speech can begin before the answer is complete. */
public record LlmTextFrame(String text) implements DataFrame {}
