package dev.switchboard.agent.tools;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The built-ins that steer the conversation instead of fetching data: hand off, end the chat, end the call. */
final class ControlTool implements Tool {

    private final String name;
    private final String description;
    private final ToolResponse.Action action;
    private final boolean takesReason;

    private ControlTool(String name, String description, ToolResponse.Action action, boolean takesReason) {
        this.name = name;
        this.description = description;
        this.action = action;
        this.takesReason = takesReason;
    }

    static ControlTool handoff() {
        return new ControlTool("handoff_to_human", "Pass the conversation to a human agent, with a short reason "
                + "(the customer asked for a person, is upset, or you cannot help).", ToolResponse.Action.HANDOFF, true);
    }

    static ControlTool endConversation() {
        return new ControlTool("end_conversation", "End the chat once the customer's request is handled and they "
                + "have nothing else. Say goodbye in the same answer.", ToolResponse.Action.END_CONVERSATION, false);
    }

    static ControlTool endCall() {
        return new ControlTool("end_call", "Hang up the phone call once the customer's request is handled and they "
                + "have nothing else. Say goodbye in the same answer.", ToolResponse.Action.END_CALL, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public JsonNode parameters() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        if (takesReason) {
            properties.putObject("reason").put("type", "string").put("maxLength", 200)
                    .put("description", "Why a human should take over, in a few words.");
            schema.putArray("required").add("reason");
        }
        return schema.put("additionalProperties", false);
    }

    @Override
    public boolean safeToRepeat() {
        return true;
    }

    @Override
    public boolean requiresVerifiedCustomer() {
        return false;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public ToolResponse invoke(ToolInvocation invocation) {
        String reason = invocation.arguments().path("reason").asString(takesReason ? "requested_by_agent" : name);
        return new ToolResponse(JsonNodeFactory.instance.objectNode().put("accepted", true), new ToolResponse.Control(action, reason));
    }
}
