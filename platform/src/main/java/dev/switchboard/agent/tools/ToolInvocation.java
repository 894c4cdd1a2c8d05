package dev.switchboard.agent.tools;

import tools.jackson.databind.JsonNode;

public record ToolInvocation(ToolContext context, String callId, JsonNode arguments) {
}
