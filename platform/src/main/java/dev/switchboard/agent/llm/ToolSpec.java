package dev.switchboard.agent.llm;

import tools.jackson.databind.JsonNode;

/** A tool offered to the model: name, description and the JSON Schema of its arguments. */
public record ToolSpec(String name, String description, JsonNode parameters) {
}
