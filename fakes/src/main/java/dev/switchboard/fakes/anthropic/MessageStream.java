package dev.switchboard.fakes.anthropic;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.ShutdownSignal;
import dev.switchboard.fakes.http.SseWriter;
import dev.switchboard.fakes.llm.TextPieces;
import dev.switchboard.fakes.llm.Turn;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Streams a reply with the API's exact event sequence: message_start, then per block content_block_start, deltas
 * and content_block_stop (a ping after the first block opens), then message_delta and message_stop. Delays, the
 * mid-stream error and the stall are applied here, between events.
 */
final class MessageStream {

    private final SseWriter sse;
    private final Turn turn;
    private final ShutdownSignal shutdown;
    private int deltasSent;

    private MessageStream(SseWriter sse, Turn turn, ShutdownSignal shutdown) {
        this.sse = sse;
        this.turn = turn;
        this.shutdown = shutdown;
    }

    static void write(HttpExchange exchange, Reply reply, Turn turn, ShutdownSignal shutdown) throws IOException {
        var stream = new MessageStream(SseWriter.open(exchange), turn, shutdown);
        stream.send(reply);
        stream.sse.close();
    }

    private void send(Reply reply) throws IOException {
        sse.event("message_start", Json.object().put("type", "message_start").set("message", reply.started()));
        if (turn.stall()) {
            shutdown.awaitClose();
            return;
        }
        for (int index = 0; index < reply.blocks().size(); index++) {
            if (!sendBlock(index, reply.blocks().get(index))) {
                return;
            }
        }
        if (turn.failsMidStream()) {
            // Asked to fail after more deltas than the reply has: fail just before the end instead.
            sse.event("error", ApiError.from(turn.failure()).event());
            return;
        }
        var delta = Json.object().put("stop_reason", reply.stopReason()).putNull("stop_sequence");
        var messageDelta = Json.object().put("type", "message_delta");
        messageDelta.set("delta", delta);
        messageDelta.set("usage", reply.usage().json());
        sse.event("message_delta", messageDelta);
        sse.event("message_stop", Json.object().put("type", "message_stop"));
    }

    /** Returns false when the stream ended early (scripted error, or the fake closed). */
    private boolean sendBlock(int index, Reply.Block block) throws IOException {
        var start = Json.object().put("type", "content_block_start").put("index", index);
        sse.event("content_block_start", start.set("content_block", Reply.opening(block)));
        if (index == 0) {
            sse.event("ping", Json.object().put("type", "ping"));
        }
        var pieces = switch (block) {
            case Reply.TextBlock text -> TextPieces.words(text.text());
            case Reply.ToolUseBlock tool -> TextPieces.jsonFragments(tool.inputJson());
        };
        for (var piece : pieces) {
            if (!sendDelta(index, block, piece)) {
                return false;
            }
        }
        sse.event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", index));
        return true;
    }

    private boolean sendDelta(int index, Reply.Block block, String piece) throws IOException {
        if (turn.failsMidStream() && deltasSent == turn.failAfterDeltas()) {
            sse.event("error", ApiError.from(turn.failure()).event());
            return false;
        }
        if (!shutdown.sleep(deltasSent == 0 ? turn.firstTokenDelay() : turn.interTokenDelay())) {
            return false;
        }
        sse.event("content_block_delta", deltaEvent(index, block, piece));
        deltasSent++;
        return true;
    }

    private static ObjectNode deltaEvent(int index, Reply.Block block, String piece) {
        var delta = switch (block) {
            case Reply.TextBlock text -> Json.object().put("type", "text_delta").put("text", piece);
            case Reply.ToolUseBlock tool -> Json.object().put("type", "input_json_delta").put("partial_json", piece);
        };
        var event = Json.object().put("type", "content_block_delta").put("index", index);
        event.set("delta", delta);
        return event;
    }
}
