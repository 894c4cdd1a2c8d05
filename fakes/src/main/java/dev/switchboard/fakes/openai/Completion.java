package dev.switchboard.fakes.openai;

import dev.switchboard.fakes.http.Ids;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.llm.TextPieces;
import dev.switchboard.fakes.llm.ToolCall;
import dev.switchboard.fakes.llm.Turn;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/** A turn made concrete for one request: completion id, tool call ids, finish reason and token counts. */
record Completion(String id, long created, String model, String text, List<ToolCall> calls, String finishReason,
                  int promptTokens, int completionTokens) {

    static Completion of(Turn turn, ChatCompletionRequest request, boolean finishStopWithTools) {
        var calls = turn.toolCalls().stream()
                .map(c -> c.id() != null ? c : new ToolCall(Ids.random("call_", 24), c.name(), c.argumentsJson()))
                .toList();
        var finish = turn.stopReason() != null ? turn.stopReason()
                : calls.isEmpty() || finishStopWithTools ? "stop" : "tool_calls";
        int completionTokens = TextPieces.tokens(turn.text())
                + calls.stream().mapToInt(c -> TextPieces.tokens(c.argumentsJson()) + 1).sum();
        return new Completion(Ids.random("chatcmpl-", 29), Instant.now().getEpochSecond(), request.model(),
                turn.text(), calls, finish, TextPieces.tokens(Json.string(request.json().path("messages"))),
                Math.max(1, completionTokens));
    }

    ObjectNode usage() {
        return Json.object().put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    /** The non-streamed {@code chat.completion} object. */
    ObjectNode body() {
        var message = Json.object().put("role", "assistant");
        if (text.isEmpty() && !calls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text);
        }
        if (!calls.isEmpty()) {
            var toolCalls = message.putArray("tool_calls");
            calls.forEach(call -> toolCalls.add(toolCall(call, call.argumentsJson())));
        }
        var choice = Json.object().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs").put("finish_reason", finishReason);
        var body = header("chat.completion");
        body.putArray("choices").add(choice);
        body.set("usage", usage());
        return body;
    }

    ObjectNode header(String object) {
        return Json.object().put("id", id).put("object", object).put("created", created).put("model", model)
                .put("system_fingerprint", "fp_fake");
    }

    static ObjectNode toolCall(ToolCall call, String arguments) {
        var function = Json.object().put("name", call.name()).put("arguments", arguments);
        var json = Json.object().put("id", call.id()).put("type", "function");
        json.set("function", function);
        return json;
    }
}
