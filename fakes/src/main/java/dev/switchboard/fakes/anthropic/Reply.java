package dev.switchboard.fakes.anthropic;

import dev.switchboard.fakes.http.Ids;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.llm.TextPieces;
import dev.switchboard.fakes.llm.ToolCall;
import dev.switchboard.fakes.llm.Turn;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** A turn made concrete for one request: message id, content blocks with their tool ids, stop reason, usage. */
record Reply(String id, String model, List<Block> blocks, String stopReason, Usage usage) {

    sealed interface Block permits TextBlock, ToolUseBlock {
    }

    record TextBlock(String text) implements Block {
    }

    record ToolUseBlock(String id, String name, String inputJson) implements Block {
    }

    static Reply of(Turn turn, String model, Usage inputUsage) {
        var blocks = new ArrayList<Block>();
        if (turn.hasText()) {
            blocks.add(new TextBlock(turn.text()));
        }
        for (ToolCall call : turn.toolCalls()) {
            var id = call.id() != null ? call.id() : Ids.random("toolu_01", 22);
            blocks.add(new ToolUseBlock(id, call.name(), call.argumentsJson()));
        }
        var stopReason = turn.stopReason() != null ? turn.stopReason()
                : turn.toolCalls().isEmpty() ? "end_turn" : "tool_use";
        return new Reply(Ids.random("msg_01", 22), model, blocks, stopReason,
                inputUsage.withOutputTokens(outputTokens(turn)));
    }

    private static int outputTokens(Turn turn) {
        int tokens = TextPieces.tokens(turn.text());
        for (var call : turn.toolCalls()) {
            tokens += TextPieces.tokens(call.name()) + TextPieces.tokens(call.argumentsJson());
        }
        return Math.max(tokens, 1);
    }

    /** The full message object of a non-streaming answer. */
    ObjectNode message() {
        var content = Json.array();
        blocks.forEach(block -> content.add(complete(block)));
        return envelope(content, stopReason, usage);
    }

    /** The message of {@code message_start}: no content yet, output tokens 1, as the API sends it. */
    ObjectNode started() {
        return envelope(Json.array(), null, usage.withOutputTokens(1));
    }

    private ObjectNode envelope(ArrayNode content, String stop, Usage reported) {
        var message = Json.object().put("id", id).put("type", "message").put("role", "assistant").put("model", model);
        message.set("content", content);
        message.put("stop_reason", stop).putNull("stop_sequence");
        message.set("usage", reported.json());
        return message;
    }

    static ObjectNode complete(Block block) {
        return switch (block) {
            case TextBlock text -> Json.object().put("type", "text").put("text", text.text());
            case ToolUseBlock tool -> toolUse(tool).set("input", Json.parse(tool.inputJson()));
        };
    }

    /** The block of {@code content_block_start}: empty text, or a tool_use with input {}. */
    static ObjectNode opening(Block block) {
        return switch (block) {
            case TextBlock text -> Json.object().put("type", "text").put("text", "");
            case ToolUseBlock tool -> toolUse(tool).set("input", Json.object());
        };
    }

    private static ObjectNode toolUse(ToolUseBlock tool) {
        return Json.object().put("type", "tool_use").put("id", tool.id()).put("name", tool.name());
    }
}
