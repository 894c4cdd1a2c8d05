package dev.switchboard.voice.pipeline.llm;

/** A tool the agent runs in the middle of a reply. */
public record ToolCall(String id, String name) {
}
