package dev.switchboard.agent.flow;

import dev.switchboard.agent.tools.ToolCallRecord;
import dev.switchboard.agent.tools.ToolCalls;
import dev.switchboard.agent.tools.ToolExecutor;
import dev.switchboard.conversation.Message;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The flow's tool calls, recorded like the model's. Their ids are numbered within the turn, so a turn resumed after
 * a crash finds the calls it already made and reuses their outcome instead of calling again.
 */
@Component
class FlowTools {

    private final ToolCalls toolCalls;
    private final ToolExecutor executor;

    FlowTools(ToolCalls toolCalls, ToolExecutor executor) {
        this.toolCalls = toolCalls;
        this.executor = executor;
    }

    ToolCallRecord call(FlowAgent.FlowRun run, String tool, JsonNode arguments) {
        var context = run.context();
        String callId = "flow-" + context.turnId() + "-" + run.nextCall();
        Optional<Message> existing = toolCalls.ofTurn(context.conversationId(), context.turnId(), run.turnFromSeq()).stream()
                .filter(m -> callId.equals(m.content().path("callId").asString(null))).findFirst();
        Message row = existing.orElseGet(() -> toolCalls.open(context.conversationId(), context.turnId(),
                ToolCallRecord.pending(callId, null, tool, arguments, null)));
        return executor.run(context, row, run.enabledTools());
    }
}
