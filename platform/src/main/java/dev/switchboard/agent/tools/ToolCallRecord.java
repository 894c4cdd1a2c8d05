package dev.switchboard.agent.tools;

import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool call as its TOOL message stores it ({@code messages.content}), updated as it progresses: pending (asked
 * for), running (the request may be out), then ok, error, refused (never sent) or unknown (a crash left it open and
 * it is not safe to repeat).
 *
 * @param llmCallId     the model call that asked for it; null for the offline flow's calls
 * @param assistantText text the model sent with its tool calls (kept to rebuild the conversation for the model)
 * @param result        what the model reads back
 * @param display       the formatter's rendering, for the workspace and the flow's replies
 */
public record ToolCallRecord(String callId, UUID llmCallId, String name, JsonNode arguments, String assistantText,
                             String status, String result, String display, JsonNode data, String error,
                             Long latencyMs, String control) {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String OK = "ok";

    public static ToolCallRecord pending(String callId, UUID llmCallId, String name, JsonNode arguments, String assistantText) {
        return new ToolCallRecord(callId, llmCallId, name, arguments, assistantText, PENDING, null, null, null, null, null, null);
    }

    public boolean finished() {
        return !status.equals(PENDING) && !status.equals(RUNNING);
    }

    public boolean failed() {
        return finished() && !status.equals(OK);
    }

    public ToolCallRecord running() {
        return new ToolCallRecord(callId, llmCallId, name, arguments, assistantText, RUNNING, null, null, null, null, null, null);
    }

    public ToolCallRecord finish(String outcome, String resultText, String displayText, JsonNode resultData,
                                 String errorText, Long latency, String controlAction) {
        return new ToolCallRecord(callId, llmCallId, name, arguments, assistantText, outcome, resultText, displayText,
                resultData, errorText, latency, controlAction);
    }

    /** A one-line summary for the message's text column, which the workspace shows. */
    public String summary() {
        if (status.equals(OK)) {
            return display != null && !display.isBlank() ? name + ": " + display : name + ": ok";
        }
        return name + ": " + status + (error == null ? "" : " (" + error + ")");
    }

    public JsonNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("callId", callId)
                .put("llmCallId", llmCallId == null ? null : llmCallId.toString()).put("name", name);
        node.set("arguments", arguments);
        node.put("assistantText", assistantText).put("status", status).put("result", result).put("display", display);
        node.set("data", data);
        return node.put("error", error).put("latencyMs", latency()).put("control", control);
    }

    private Long latency() {
        return latencyMs;
    }

    public static ToolCallRecord from(JsonNode node) {
        String llm = node.path("llmCallId").asString(null);
        return new ToolCallRecord(node.path("callId").asString(), llm == null ? null : UUID.fromString(llm),
                node.path("name").asString(), node.path("arguments"), node.path("assistantText").asString(null),
                node.path("status").asString(PENDING), node.path("result").asString(null),
                node.path("display").asString(null), node.path("data").isMissingNode() ? null : node.get("data"),
                node.path("error").asString(null), node.path("latencyMs").isNumber() ? node.get("latencyMs").asLong() : null,
                node.path("control").asString(null));
    }
}
