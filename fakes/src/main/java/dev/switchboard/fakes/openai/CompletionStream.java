package dev.switchboard.fakes.openai;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.fakes.http.Json;
import dev.switchboard.fakes.http.ShutdownSignal;
import dev.switchboard.fakes.http.SseWriter;
import dev.switchboard.fakes.llm.TextPieces;
import dev.switchboard.fakes.llm.ToolCall;
import dev.switchboard.fakes.llm.Turn;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Set;

/**
 * Streams a completion as {@code data:} chunks: the role, content pieces, tool-call deltas (id and name first,
 * then argument fragments), the finish reason, the usage chunk when asked for, then {@code [DONE]}.
 */
final class CompletionStream {

    private final SseWriter sse;
    private final Completion completion;
    private final Turn turn;
    private final boolean includeUsage;
    private final Set<Quirk> quirks;
    private final ShutdownSignal shutdown;
    private int deltasSent;

    private CompletionStream(SseWriter sse, Completion completion, Turn turn, boolean includeUsage, Set<Quirk> quirks,
                             ShutdownSignal shutdown) {
        this.sse = sse;
        this.completion = completion;
        this.turn = turn;
        this.includeUsage = includeUsage;
        this.quirks = quirks;
        this.shutdown = shutdown;
    }

    static void write(HttpExchange exchange, Completion completion, Turn turn, boolean includeUsage,
                      Set<Quirk> quirks, ShutdownSignal shutdown) throws IOException {
        var stream = new CompletionStream(SseWriter.open(exchange), completion, turn, includeUsage, quirks, shutdown);
        if (stream.send()) {
            stream.sse.data("[DONE]");
        }
        stream.sse.close();
    }

    private boolean send() throws IOException {
        sse.data(Json.string(chunk(Json.object().put("role", "assistant").put("content", ""), null)));
        if (turn.stall()) {
            shutdown.awaitClose();
            return false;
        }
        for (var piece : TextPieces.words(turn.text())) {
            if (!delta(Json.object().put("content", piece))) {
                return false;
            }
        }
        for (int i = 0; i < completion.calls().size(); i++) {
            if (!sendToolCall(i, completion.calls().get(i))) {
                return false;
            }
        }
        if (turn.failsMidStream()) {
            sse.data(Json.string(OpenAiError.from(turn.failure()).body()));
            return false;
        }
        sse.data(Json.string(chunk(Json.object(), completion.finishReason())));
        if (includeUsage) {
            sendUsage();
        }
        return true;
    }

    private boolean sendToolCall(int index, ToolCall call) throws IOException {
        if (quirks.contains(Quirk.TOOL_CALL_IN_ONE_CHUNK)) {
            return delta(toolCallDelta(index, Completion.toolCall(call, call.argumentsJson())));
        }
        if (!delta(toolCallDelta(index, Completion.toolCall(call, "")))) {
            return false;
        }
        var fragments = TextPieces.jsonFragments(call.argumentsJson());
        for (var fragment : fragments.subList(1, fragments.size())) {
            var function = Json.object().put("arguments", fragment);
            if (!delta(toolCallDelta(index, Json.object().set("function", function)))) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode toolCallDelta(int index, ObjectNode call) {
        if (!quirks.contains(Quirk.TOOL_CALL_INDEX_MISSING)) {
            var indexed = Json.object().put("index", quirks.contains(Quirk.TOOL_CALL_INDEX_ALWAYS_ZERO) ? 0 : index);
            indexed.setAll(call);
            call = indexed;
        }
        var delta = Json.object();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    /** Sends one content or tool delta after its delay; false when the stream must end here. */
    private boolean delta(ObjectNode delta) throws IOException {
        if (turn.failsMidStream() && deltasSent == turn.failAfterDeltas()) {
            sse.data(Json.string(OpenAiError.from(turn.failure()).body()));
            return false;
        }
        if (!shutdown.sleep(deltasSent == 0 ? turn.firstTokenDelay() : turn.interTokenDelay())) {
            return false;
        }
        sse.data(Json.string(chunk(delta, null)));
        deltasSent++;
        return true;
    }

    private void sendUsage() throws IOException {
        var chunk = completion.header("chat.completion.chunk");
        if (quirks.contains(Quirk.USAGE_CHOICES_NULL)) {
            chunk.putNull("choices");
        } else {
            chunk.putArray("choices");
        }
        chunk.set("usage", completion.usage());
        sse.data(Json.string(chunk));
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        var choice = Json.object().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs").put("finish_reason", finishReason);
        var chunk = completion.header("chat.completion.chunk");
        chunk.putArray("choices").add(choice);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }
}
