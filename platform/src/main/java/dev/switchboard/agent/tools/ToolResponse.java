package dev.switchboard.agent.tools;

import tools.jackson.databind.JsonNode;

/**
 * A tool's answer: its data, or a control signal for the graph (hand off, end the conversation, end the call).
 *
 * @param control null for ordinary tools
 */
public record ToolResponse(JsonNode data, Control control) {

    public enum Action { HANDOFF, END_CONVERSATION, END_CALL }

    public record Control(Action action, String reason) {
    }

    public static ToolResponse of(JsonNode data) {
        return new ToolResponse(data, null);
    }
}
