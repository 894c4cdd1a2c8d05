package dev.switchboard.agent.tools;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;

/** The built-ins that steer the conversation instead of fetching data: hand off, end the chat, end the call. */
final class ControlTool extends BuiltInTool {

    private static final StringArgument REASON = new StringArgument("reason", 0, 200,
            "Why a human should take over, in a few words.");

    private final ToolResponse.Action action;
    private final boolean takesReason;

    private ControlTool(String name, String description, ToolResponse.Action action, boolean takesReason) {
        super(name, description, takesReason ? schema(List.of("reason"), REASON) : schema(List.of()),
                Duration.ofSeconds(1));
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
    public ToolResponse invoke(ToolInvocation invocation) {
        String reason = invocation.arguments().path("reason").asString(takesReason ? "requested_by_agent" : name());
        return new ToolResponse(JsonNodeFactory.instance.objectNode().put("accepted", true), new ToolResponse.Control(action, reason));
    }
}
