package dev.switchboard.agent.llm;

import java.util.List;

/** One entry of the conversation as a model sees it. */
public sealed interface ModelMessage {

    record User(String text) implements ModelMessage {
    }

    record Assistant(String text, List<ToolCallRequest> toolCalls) implements ModelMessage {
        public Assistant {
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The results of every tool call of the preceding {@link Assistant} message, matched by call id. */
    record ToolResults(List<ToolResult> results) implements ModelMessage {
        public ToolResults {
            results = List.copyOf(results);
        }
    }

    record ToolResult(String callId, String toolName, String content, boolean error) {
    }
}
