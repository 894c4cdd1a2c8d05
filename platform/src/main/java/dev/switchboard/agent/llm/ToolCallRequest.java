package dev.switchboard.agent.llm;

/** A tool call the model asked for; {@code argumentsJson} is exactly what it sent. */
public record ToolCallRequest(String id, String name, String argumentsJson) {
}
