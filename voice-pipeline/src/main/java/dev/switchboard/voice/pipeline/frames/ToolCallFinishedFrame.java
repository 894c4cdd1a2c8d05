package dev.switchboard.voice.pipeline.frames;

/** The agent's tool call returned. */
public record ToolCallFinishedFrame(String id, String name, boolean succeeded) implements SystemFrame {}
